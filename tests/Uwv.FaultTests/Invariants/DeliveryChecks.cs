using Uwv.Contracts.Events;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// "Every committed change's events delivered exactly once in effect": every outbox row is published, and each consumer
/// shows each event once — one inbox row per message and one effect per fact (never zero, never two).
/// </summary>
public static class DeliveryChecks
{
    public static IEnumerable<string> Check(PlatformFacts f)
    {
        foreach (var (service, unsent) in f.UnsentOutboxRows.Where(u => u.Value > 0))
        {
            yield return $"{service}: {unsent} committed events not published yet";
        }

        // SMZ publishes a WiaClaimDecided with (and only with) each WIA claimbeoordeling; Uitkeren acts on those alone.
        var wiaBeoordelingen = f.All<BeoordelingRecorded>().Where(b => b.Type == "WIA-claimbeoordeling").Select(b => b.BeoordelingId).ToHashSet();
        var decided = f.All<WiaClaimDecided>().Select(d => d.BeoordelingId).ToList();
        if (!wiaBeoordelingen.SetEquals(decided) || decided.Count != wiaBeoordelingen.Count)
        {
            yield return $"smz: {wiaBeoordelingen.Count} WIA claimbeoordelingen recorded, but {decided.Count} WiaClaimDecided for " +
                $"{decided.Intersect(wiaBeoordelingen).Count()} of them";
        }
        var wia = decided.Count;
        foreach (var v in Expect("uitkeren inbox of WiaClaimDecisionConsumer", Inbox(f, "uitkeren", "WiaClaimDecisionConsumer"), wia))
        {
            yield return v;
        }
        foreach (var v in Expect("uitkeren WIA claim decisions", f.WiaClaimDecisions, wia))
        {
            yield return v;
        }

        var opened = f.All<DossierOpened>().ToList();
        foreach (var v in Expect("handover inbox of DossierOwnershipConsumer", Inbox(f, "handover", "DossierOwnershipConsumer"), opened.Count))
        {
            yield return v;
        }
        foreach (var v in Expect("handover lineages started by an opened dossier", f.Ownership.Count(o => o.DossierId == o.LineageId), opened.Count))
        {
            yield return v;
        }

        var transfers = f.All<DossierTransferred>().ToList();
        foreach (var (division, service) in ServiceDatabases.DivisionServices)
        {
            foreach (var v in Expect($"{service} inbox of its TransferConsumer", Inbox(f, service, "TransferConsumer-" + division), transfers.Count))
            {
                yield return v;
            }
            var expected = opened.Where(o => o.Division == division).Select(o => o.DossierId)
                .Concat(transfers.Where(t => t.ToDivision == division).Select(t => t.ToDossierId)).ToHashSet();
            var actual = f.Dossiers.Where(d => d.Division == division).Select(d => d.DossierId).ToHashSet();
            if (!expected.SetEquals(actual))
            {
                yield return $"{service}: {expected.Except(actual).Count()} dossiers opened or transferred in are missing, " +
                    $"{actual.Except(expected).Count()} dossiers exist without an event";
            }
        }
    }

    private static long Inbox(PlatformFacts f, string service, string consumer) => f.Inboxes[service].GetValueOrDefault(consumer);

    private static IEnumerable<string> Expect(string what, long actual, long expected) =>
        actual == expected ? [] : [$"{what}: {actual}, expected {expected} (one per committed event)"];
}
