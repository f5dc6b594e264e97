using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>The divisions' norm deadlines in the picture: set, warned, escalated to the teamleider, resolved.</summary>
public sealed partial record KlantbeeldDocument
{
    public IReadOnlyList<NormDeadlineView> NormDeadlines { get; init => field = value ?? []; } = [];
}

/// <summary>
/// One norm deadline. <see cref="SetAt"/> is the source time of the newest NormDeadlineSet applied (MinValue while only a
/// later event has arrived); the moments only ever go from empty to set, so the view is the same in any arrival order.
/// </summary>
public sealed record NormDeadlineView(
    Guid DeadlineId, string Norm, string Category, Guid SubjectId, DivisionCode Division, DateTimeOffset DueAt, DateTimeOffset SetAt,
    DateTimeOffset? WarnedAt, DateTimeOffset? EscalatedAt, DateTimeOffset? ResolvedAt, string? Outcome)
{
    public bool IsOpen => ResolvedAt is null;
}
