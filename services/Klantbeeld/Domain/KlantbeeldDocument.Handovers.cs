using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>What the handover service contributes to the picture.</summary>
public sealed partial record KlantbeeldDocument
{
    public IReadOnlyList<HandoverView> Handovers { get; init; } = [];
}

public sealed record HandoverView(Guid HandoverId, Guid DossierId, DivisionCode FromDivision, DivisionCode ToDivision, string State, DateTimeOffset RequestedAt, DateTimeOffset StateAt);
