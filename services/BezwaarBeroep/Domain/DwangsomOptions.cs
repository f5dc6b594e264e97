namespace Uwv.BezwaarBeroep.Domain;

/// <summary>
/// The dwangsom bij niet tijdig beslissen (Awb 4:17), bound to configuration section "Dwangsom". Defaults as in the law:
/// two weeks after the ingebrekestelling, €23 a day for 14 days, €35 a day for 14 days, €45 a day after, at most 42 days.
/// </summary>
public sealed class DwangsomOptions
{
    public const string Section = "Dwangsom";

    /// <summary>Days after receipt of the ingebrekestelling before the dwangsom runs (4:17 lid 3).</summary>
    public int WaitDays { get; set; } = 14;
    public int DaysPerTier { get; set; } = 14;
    public decimal FirstTierPerDay { get; set; } = 23m;
    public decimal SecondTierPerDay { get; set; } = 35m;
    /// <summary>Every day after the first two tiers.</summary>
    public decimal ThirdTierPerDay { get; set; } = 45m;
    public int MaxDays { get; set; } = 42;
}
