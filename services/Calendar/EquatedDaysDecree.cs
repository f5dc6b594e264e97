namespace Uwv.Calendar;

/// <summary>
/// A royal decree under Algemene termijnenwet art. 3 lid 3 that equates days with the general holidays (gelijkgestelde
/// dagen), usually the Friday after Ascension Day and bridge days next to a holiday. Bound from configuration
/// (section <see cref="EquatedDaysOptions.Section"/>), so a new decree is a configuration change.
/// </summary>
/// <remarks>
/// A decree covers the days from <see cref="CoversFrom"/> to <see cref="CoversUntil"/> (both inclusive), usually three
/// calendar years. Within that period the listed <see cref="Days"/> are non-working days; a day outside every configured
/// decree's period is an ordinary day. Every listed day must lie within the decree's period.
/// </remarks>
public sealed class EquatedDaysDecree
{
    /// <summary>A name that identifies the decree (its title, or its Staatsblad reference), shown in reports.</summary>
    public string Name { get; set; } = "";

    /// <summary>The first day the decree covers.</summary>
    public DateOnly CoversFrom { get; set; }

    /// <summary>The last day the decree covers; after it, only a later decree equates days.</summary>
    public DateOnly CoversUntil { get; set; }

    /// <summary>The days the decree equates with the general holidays.</summary>
    public List<DateOnly> Days { get; set; } = [];
}

/// <summary>The configured decrees of gelijkgestelde dagen, bound to configuration section "EquatedDays".</summary>
public sealed class EquatedDaysOptions
{
    public const string Section = "EquatedDays";

    public List<EquatedDaysDecree> Decrees { get; set; } = [];

    /// <summary>The platform reports (health detail, warning, metric) when the coverage ends within this many months.</summary>
    public int WarnMonthsBeforeCoverageEnds { get; set; } = 6;
}
