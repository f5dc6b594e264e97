namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>The norms' settings (section "Norms").</summary>
public sealed class NormOptions
{
    public const string Section = "Norms";

    /// <summary>How often a division sweeps its due warnings and escalations.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The working days SMZ has to answer a herbeoordelingsverzoek of Werkbedrijf.</summary>
    public int HerbeoordelingsverzoekWorkingDays { get; set; } = 10;
}
