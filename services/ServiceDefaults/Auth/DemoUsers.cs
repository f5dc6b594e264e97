namespace Uwv.ServiceDefaults.Auth;

/// <summary>An employee the development issuer can log in.</summary>
public sealed record DemoUser(string UserName, string DisplayName, string Role, string Division, string Team);

/// <summary>
/// The seeded demo staff of the Arnhem area teams: one of each role per team, so every access rule can be tried.
/// User names are "role.team", e.g. "procesbegeleider.arnhem-noord".
/// </summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<string> Teams = ["arnhem-centrum", "arnhem-noord", "arnhem-zuid"];

    private static readonly (string Role, string Division, string Title)[] Staff =
    [
        (Roles.Verzekeringsarts, "SMZ", "verzekeringsarts"),
        (Roles.Arbeidsdeskundige, "SMZ", "arbeidsdeskundige"),
        (Roles.Procesbegeleider, "SMZ", "procesbegeleider"),
        (Roles.AdviseurWerk, "WB", "adviseur werk"),
        (Roles.Uitkeringsdeskundige, "UIT", "uitkeringsdeskundige"),
        (Roles.Jurist, "BB", "jurist"),
        (Roles.Teamleider, "TEAM", "teamleider"),
    ];

    private static readonly string[] FirstNames = ["Sanne", "Daan", "Fatima", "Jeroen", "Noor", "Mehmet", "Lotte"];

    public static readonly IReadOnlyList<DemoUser> All = Build();

    public static DemoUser? Find(string userName) =>
        All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));

    private static List<DemoUser> Build()
    {
        var users = new List<DemoUser>();
        foreach (var team in Teams)
        {
            for (var i = 0; i < Staff.Length; i++)
            {
                var (role, division, title) = Staff[i];
                users.Add(new DemoUser($"{role}.{team}", $"{FirstNames[i]} ({title}, {team})", role, division, team));
            }
        }
        users.Add(new DemoUser("manager", "Manager regio Gelderland Midden", Roles.Manager, "REGIO", "*"));
        users.Add(new DemoUser("privacy-officer", "Privacy officer", Roles.PrivacyOfficer, "REGIO", "*"));
        users.Add(new DemoUser("beheerder", "Functioneel beheerder", Roles.Beheerder, "REGIO", "*"));
        return users;
    }
}
