using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>One piece of open work on an area team's worklist.</summary>
public sealed record WorkItem(
    string Key,
    Guid ClientId,
    string ClientName,
    string Kind,
    DivisionCode? Division,
    string Employee,
    DateTimeOffset? DueAt,
    string Title,
    DateTimeOffset Since)
{
    /// <summary>Where the work stands, for a handover its state ("nazorg-pending", "escalated"...); null for other kinds.</summary>
    public string? Stand { get; init; }

    /// <summary>Order on the worklist: the nearest deadline first; work without a deadline after it, oldest first.</summary>
    public double Score => DueAt?.ToUnixTimeMilliseconds() ?? NoDeadlineBase + Since.ToUnixTimeMilliseconds();

    /// <summary>Far beyond any real deadline (year ~5000), so undated work sorts after dated work.</summary>
    public const double NoDeadlineBase = 1e14;
}
