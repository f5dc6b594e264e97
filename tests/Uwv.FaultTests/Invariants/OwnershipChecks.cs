using Uwv.Contracts.Events;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// "Every handover in a valid state with exactly one owner": the handover's ledger names one active dossier per lineage,
/// that dossier is open in its division and every other dossier of the lineage is closed, and the owner is the side
/// the latest handover's state says it is.
/// </summary>
public static class OwnershipChecks
{
    public static readonly IReadOnlySet<string> ValidStates = new HashSet<string>
    {
        "requested", "nazorg-pending", "ready", "transferred", "escalated", "accepted", "returned", "cancelled",
    };

    private static readonly IReadOnlySet<string> AtReceiver = new HashSet<string> { "transferred", "escalated", "accepted" };

    /// <summary>Checks the lineages and handovers of the clients <paramref name="inScope"/> accepts.</summary>
    public static IEnumerable<string> Check(PlatformFacts f, Func<Guid, bool> inScope)
    {
        foreach (var h in f.Handovers.Where(h => inScope(h.ClientId) && !ValidStates.Contains(h.State)))
        {
            yield return $"handover {h.HandoverId} is in unknown state '{h.State}'";
        }
        var dossiers = f.Dossiers.ToDictionary(d => d.DossierId);
        foreach (var lineage in f.Ownership.Where(o => inScope(o.ClientId)).GroupBy(o => o.LineageId))
        {
            var owners = lineage.Where(o => o.Active).ToList();
            if (owners.Count != 1)
            {
                yield return $"lineage {lineage.Key} has {owners.Count} owners";
                continue;
            }
            foreach (var row in lineage)
            {
                var expected = row.Active ? "open" : "closed";
                if (!dossiers.TryGetValue(row.DossierId, out var dossier))
                {
                    yield return $"lineage {lineage.Key}: dossier {row.DossierId} is unknown to {row.Division}";
                }
                else if (dossier.Status != expected)
                {
                    yield return $"lineage {lineage.Key}: dossier {row.DossierId} is {dossier.Status} in {row.Division}, expected {expected}";
                }
            }
            var latest = f.Handovers.Where(h => h.LineageId == lineage.Key).MaxBy(h => h.RequestedAt);
            if (latest is not null)
            {
                var side = OwnerSide(latest);
                if (owners[0].Division != side)
                {
                    yield return $"lineage {lineage.Key}: owned by {owners[0].Division} but its handover {latest.HandoverId} is {latest.State} ({latest.From} → {latest.To})";
                }
            }
        }
    }

    /// <summary>Who holds the dossier in a handover's state: the receiver once transferred, the sender otherwise.</summary>
    public static DivisionCode OwnerSide(HandoverFact h) => AtReceiver.Contains(h.State) ? h.To : h.From;
}
