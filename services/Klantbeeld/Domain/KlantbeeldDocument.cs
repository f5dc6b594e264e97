using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// One client's picture, as stored in the read model. Built only from bus events; holds nothing that
/// cannot be rebuilt from the divisions' current state. Medical content is never part of it.
/// </summary>
public sealed record KlantbeeldDocument
{
    public Guid ClientId { get; init; }
    public string? Bsn { get; init; }
    public string? Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Postcode { get; init; }
    public string? AreaTeam { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    public IReadOnlyList<BeoordelingView> Beoordelingen { get; init; } = [];
    public IReadOnlyList<DossierView> Dossiers { get; init; } = [];
    public IReadOnlyList<HandoverView> Handovers { get; init; } = [];
    /// <summary>Time of the newest event applied (source time, not arrival time).</summary>
    public DateTimeOffset LastEventAt { get; init; }

    public static KlantbeeldDocument Empty(Guid clientId) => new() { ClientId = clientId };
}

public sealed record BeoordelingView(Guid BeoordelingId, string Type, string AoKlasse, string FmlSummary, DateOnly DecisionDate, DateTimeOffset RecordedAt);

public sealed record DossierView(Guid DossierId, DivisionCode Division, string OwnerTeam, string OwnerEmployee, string Status, DateTimeOffset OpenedAt);

public sealed record HandoverView(Guid HandoverId, Guid DossierId, DivisionCode FromDivision, DivisionCode ToDivision, string State, DateTimeOffset RequestedAt, DateTimeOffset StateAt);
