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
    /// <summary>Time of the newest event applied (source time, not arrival time).</summary>
    public DateTimeOffset LastEventAt { get; init; }

    public static KlantbeeldDocument Empty(Guid clientId) => new() { ClientId = clientId };
}

public sealed record DossierView(Guid DossierId, DivisionCode Division, string OwnerTeam, string OwnerEmployee, string Status, DateTimeOffset OpenedAt);
