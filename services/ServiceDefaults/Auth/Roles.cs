namespace Uwv.ServiceDefaults.Auth;

/// <summary>The roles of the 1UWV platform. Authorization is default deny: a method names the roles it admits.</summary>
public static class Roles
{
    public const string Verzekeringsarts = "verzekeringsarts";
    public const string Arbeidsdeskundige = "arbeidsdeskundige";
    public const string Procesbegeleider = "procesbegeleider";
    public const string AdviseurWerk = "adviseur-werk";
    public const string Uitkeringsdeskundige = "uitkeringsdeskundige";
    public const string Jurist = "jurist";
    public const string Teamleider = "teamleider";
    public const string Manager = "manager";
    public const string PrivacyOfficer = "privacy-officer";
    /// <summary>Operates the platform (rebuilds, replays); sees no client data.</summary>
    public const string Beheerder = "beheerder";

    /// <summary>Roles that may read medical content (medical professional secrecy).</summary>
    public static readonly IReadOnlySet<string> Medical = new HashSet<string> { Verzekeringsarts };

    /// <summary>Employees who work with client dossiers in an area team.</summary>
    public const string CaseWorkers =
        Verzekeringsarts + "," + Arbeidsdeskundige + "," + Procesbegeleider + "," + AdviseurWerk + ","
        + Uitkeringsdeskundige + "," + Jurist + "," + Teamleider;

    public const string Smz = Verzekeringsarts + "," + Arbeidsdeskundige + "," + Procesbegeleider + "," + Teamleider;
    public const string Werkbedrijf = AdviseurWerk + "," + Arbeidsdeskundige + "," + Teamleider;
    public const string Uitkeren = Uitkeringsdeskundige + "," + Teamleider;
    public const string BezwaarBeroep = Jurist + "," + Teamleider;

    public static readonly IReadOnlyList<string> All =
    [
        Verzekeringsarts, Arbeidsdeskundige, Procesbegeleider, AdviseurWerk, Uitkeringsdeskundige,
        Jurist, Teamleider, Manager, PrivacyOfficer, Beheerder,
    ];
}
