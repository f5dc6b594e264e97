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

    /// <summary>Source time of the event that set <see cref="Status"/>: only a newer one may change it.</summary>
    public DateTimeOffset StatusAt { get; init; }

    /// <summary>
    /// This dossier with <paramref name="status"/>, unless its status was set by a newer event. Two statuses of the
    /// same instant resolve the same way in either arrival order: a status other than open wins (it happened in the
    /// same transaction as the opening, so after it), then the ordinal larger one.
    /// </summary>
    public DossierView WithStatus(string status, DateTimeOffset at)
    {
        var newer = at > StatusAt || (at == StatusAt && Precedes(Status, status));
        return newer ? this with { Status = status, StatusAt = at } : this;
    }

    private static bool Precedes(string current, string candidate) =>
        (current == "open") != (candidate == "open") ? current == "open" : string.CompareOrdinal(current, candidate) < 0;
}

public sealed record MoveView(string OldPostcode, string NewPostcode, string OldAreaTeam, string NewAreaTeam, DateTimeOffset MovedAt);
