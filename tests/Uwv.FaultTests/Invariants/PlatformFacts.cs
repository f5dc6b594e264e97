using Uwv.Contracts.Events;

namespace Uwv.FaultTests.Invariants;

public sealed record ClientFact(Guid ClientId, string AreaTeam);

public sealed record DossierFact(DivisionCode Division, Guid DossierId, Guid ClientId, string Status);

public sealed record HandoverFact(Guid HandoverId, Guid ClientId, Guid LineageId, DivisionCode From, DivisionCode To, string State, DateTimeOffset RequestedAt);

public sealed record OwnershipFact(Guid DossierId, Guid LineageId, Guid ClientId, DivisionCode Division, bool Active);

/// <summary>What the run's services committed, read from their own databases in one go (the source of truth the views must match).</summary>
public sealed class PlatformFacts
{
    public required IReadOnlyDictionary<string, List<StoredEvent>> Events { get; init; }
    public required IReadOnlyDictionary<string, long> UnsentOutboxRows { get; init; }
    public required IReadOnlyDictionary<string, Dictionary<string, long>> Inboxes { get; init; }
    public required IReadOnlyList<ClientFact> Clients { get; init; }
    public required IReadOnlyList<DossierFact> Dossiers { get; init; }
    public required IReadOnlyList<(Guid BeoordelingId, Guid ClientId)> Beoordelingen { get; init; }
    public required IReadOnlyList<(Guid ContactId, Guid ClientId)> Contacts { get; init; }
    public required IReadOnlyList<HandoverFact> Handovers { get; init; }
    public required IReadOnlyList<OwnershipFact> Ownership { get; init; }
    public required long WiaClaimDecisions { get; init; }

    /// <summary>Every committed event of a type, over all services.</summary>
    public IEnumerable<T> All<T>() => Events.Values.SelectMany(e => e).Select(e => e.Event).OfType<T>();

    public static async Task<PlatformFacts> LoadAsync(ServiceDatabases db)
    {
        var events = new Dictionary<string, List<StoredEvent>>();
        var unsent = new Dictionary<string, long>();
        var inboxes = new Dictionary<string, Dictionary<string, long>>();
        foreach (var service in FaultPlatformFixture.Services)
        {
            events[service] = await db.EventsAsync(service);
            unsent[service] = await db.UnsentOutboxRowsAsync(service);
            inboxes[service] = await db.InboxAsync(service);
        }
        var dossiers = new List<DossierFact>();
        var contacts = new List<(Guid, Guid)>();
        foreach (var (division, service) in ServiceDatabases.DivisionServices)
        {
            dossiers.AddRange(await db.QueryAsync(service, "select \"DossierId\", \"ClientId\", \"Status\" from dossiers",
                r => new DossierFact(division, r.GetGuid(0), r.GetGuid(1), r.GetString(2))));
            contacts.AddRange(await db.QueryAsync(service, "select \"ContactId\", \"ClientId\" from contacts", r => (r.GetGuid(0), r.GetGuid(1))));
        }
        return new PlatformFacts
        {
            Events = events,
            UnsentOutboxRows = unsent,
            Inboxes = inboxes,
            Clients = await db.QueryAsync("klantbeeld", "select \"ClientId\", \"AreaTeam\" from clients", r => new ClientFact(r.GetGuid(0), r.GetString(1))),
            Dossiers = dossiers,
            Beoordelingen = await db.QueryAsync("smz", "select \"BeoordelingId\", \"ClientId\" from beoordelingen", r => (r.GetGuid(0), r.GetGuid(1))),
            Contacts = contacts,
            Handovers = await db.QueryAsync("handover",
                "select \"HandoverId\", \"ClientId\", \"LineageId\", \"FromDivision\", \"ToDivision\", \"State\", \"RequestedAt\" from handovers",
                r => new HandoverFact(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), (DivisionCode)r.GetInt32(3), (DivisionCode)r.GetInt32(4), r.GetString(5),
                    r.GetFieldValue<DateTimeOffset>(6))),
            Ownership = await db.QueryAsync("handover", "select \"DossierId\", \"LineageId\", \"ClientId\", \"Division\", \"Active\" from dossier_ownership",
                r => new OwnershipFact(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), (DivisionCode)r.GetInt32(3), r.GetBoolean(4))),
            WiaClaimDecisions = await db.CountAsync("uitkeren", "select count(*) from wia_claim_decisions"),
        };
    }
}
