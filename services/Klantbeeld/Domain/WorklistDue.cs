using Uwv.Calendar;

namespace Uwv.Klantbeeld.Domain;

/// <summary>The worklist's deadline filter: work already late, due by the end of today, or due within the coming week.</summary>
public static class WorklistDue
{
    public const string Overdue = "overdue";
    public const string Today = "today";
    public const string Week = "week";

    public static readonly IReadOnlyList<string> All = [Overdue, Today, Week];

    /// <summary>The moment the work must be due before; null for no filter (empty code). Throws for an unknown code.</summary>
    public static DateTimeOffset? Before(string? code, DateTimeOffset now, OfficeHours office) => code switch
    {
        null or "" => null,
        Overdue => now,
        // Until the end of today in Amsterdam: what is late is due today at the latest, so it is included.
        Today => office.StartOfDay(office.DateOf(now).AddDays(1)),
        Week => now.AddDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, $"must be one of {string.Join(", ", All)}"),
    };
}
