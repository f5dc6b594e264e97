namespace Uwv.Klantbeeld.Audit;

/// <summary>How long the audit log keeps its entries (section <c>Audit</c>); see docs/privacy.md, "Retention".</summary>
public sealed class AuditRetentionOptions
{
    public const string Section = "Audit";

    /// <summary>The connection string of the role that may delete audit entries (the audit store's own role may not).</summary>
    public const string ConnectionName = "AuditRetention";

    /// <summary>
    /// Five years, leap days included: NEN 7513 keeps access logs of medical data at least five years, and five years is
    /// the limitation period of a claim over unlawful processing (BW 3:310). Keeping them longer needs a reason the
    /// storage limitation of the AVG (art. 5(1)(e)) accepts; UWV's selectielijst may set another term, which is then
    /// configured here.
    /// </summary>
    public static readonly TimeSpan DefaultRetainFor = TimeSpan.FromDays((5 * 365) + 2);

    /// <summary>Entries older than this are deleted; zero or less turns the deletion off (entries are kept for ever).</summary>
    public TimeSpan RetainFor { get; set; } = DefaultRetainFor;

    /// <summary>How often the deletion runs; the first pass runs at start.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
