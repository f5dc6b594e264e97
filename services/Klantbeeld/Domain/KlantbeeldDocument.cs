using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// One client's picture, as stored in the read model. Built only from bus events; holds nothing that
/// cannot be rebuilt from the divisions' current state. Medical content is never part of it.
/// The divisions' and the handover's parts are declared in their own partial files.
/// </summary>
public sealed partial record KlantbeeldDocument
{
    public Guid ClientId { get; init; }
    public string? Bsn { get; init; }
    public string? Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Postcode { get; init; }
    public string? AreaTeam { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    public IReadOnlyList<DossierView> Dossiers { get; init; } = [];
    /// <summary>Every move between postcodes and area teams, oldest first.</summary>
    public IReadOnlyList<MoveView> Moves { get; init; } = [];
    /// <summary>Time of the newest event applied (source time, not arrival time).</summary>
    public DateTimeOffset LastEventAt { get; init; }

    public static KlantbeeldDocument Empty(Guid clientId) => new() { ClientId = clientId };
}

public sealed record DossierView(
    Guid DossierId, DivisionCode Division, string OwnerTeam, string OwnerEmployee, string Status, DateTimeOffset OpenedAt,
    DateTimeOffset? OwnerSince = null)
{
    /// <summary>When the owner last changed: later events win, replays of older ones do not roll back.</summary>
    public DateTimeOffset Version => OwnerSince ?? OpenedAt;
}

public sealed record MoveView(string OldPostcode, string NewPostcode, string OldAreaTeam, string NewAreaTeam, DateTimeOffset MovedAt);
