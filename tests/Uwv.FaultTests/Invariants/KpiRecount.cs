using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// "The KPIs equal a recount from the handover history": the counters and gauges the handover service maintained
/// incrementally, through crashes and redeliveries, equal a fold of the stored history (the handover's own events in
/// commit order, the divisions' dossier openings and herbeoordelingsverzoeken) through the same pure KPI projection.
/// </summary>
public static class KpiRecount
{
    public static async Task<List<string>> CheckAsync(PlatformFacts f, ServiceDatabases db)
    {
        var fold = new KpiFold(new KpiAccumulator(), Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile());
        foreach (var e in f.Events["handover"].Select(e => e.Event).OfType<IClientEvent>())
        {
            fold.Apply(e);
        }
        foreach (var opened in f.All<DossierOpened>())
        {
            fold.Apply(opened);
        }
        var verzoeken = f.All<HerbeoordelingsverzoekOpened>().Cast<IClientEvent>().Concat(f.All<HerbeoordelingsverzoekAnswered>());
        foreach (var e in verzoeken.OrderBy(e => e.OccurredAt))
        {
            fold.Apply(e);
        }

        var counters = await db.QueryAsync("handover",
            "select \"Period\", \"Team\", \"FromDivision\", \"ToDivision\", \"Metric\", sum(\"Value\")::bigint from kpi_counters"
            + " group by \"Period\", \"Team\", \"FromDivision\", \"ToDivision\", \"Metric\" having sum(\"Value\") <> 0",
            r => ($"{r.GetInt32(0)} {r.GetString(1)} {r.GetInt32(2)}>{r.GetInt32(3)} {r.GetString(4)}", r.GetInt64(5)));
        var gauges = await db.QueryAsync("handover", "select \"Team\", \"Division\", \"Metric\", sum(\"Value\")::bigint from kpi_gauges group by \"Team\", \"Division\", \"Metric\" having sum(\"Value\") <> 0",
            r => ($"{r.GetString(0)} {r.GetInt32(1)} {r.GetString(2)}", r.GetInt64(3)));

        // "WGA clients without a re-integratie owner" is kept from SMZ's ReintegratieOwnerChanged, the last version of
        // each client counting: recounted through the same pure rule.
        var wgaClients = new Dictionary<Guid, WgaClientKpi>();
        var recountedGauges = fold.Accumulator.Gauges.Where(g => g.Value != 0)
            .ToDictionary(g => $"{g.Key.Team} {g.Key.Division} {g.Key.Metric}", g => g.Value);
        foreach (var e in f.All<ReintegratieOwnerChanged>().OrderBy(e => e.Version))
        {
            var (next, deltas) = ReintegratieKpi.Apply(wgaClients.GetValueOrDefault(e.ClientId), e);
            if (next is not null)
            {
                wgaClients[e.ClientId] = next;
            }
            foreach (var d in deltas)
            {
                var key = $"{d.Team} {(int)d.Division} {d.Metric}";
                recountedGauges[key] = recountedGauges.GetValueOrDefault(key) + d.Value;
            }
        }

        var violations = new List<string>();
        Compare(violations, "counter", counters.ToDictionary(c => c.Item1, c => c.Item2),
            fold.Accumulator.Counters.Where(c => c.Value != 0).ToDictionary(c => $"{c.Key.Period} {c.Key.Team} {c.Key.From}>{c.Key.To} {c.Key.Metric}", c => c.Value));
        Compare(violations, "gauge", gauges.ToDictionary(g => g.Item1, g => g.Item2),
            recountedGauges.Where(g => g.Value != 0).ToDictionary(g => g.Key, g => g.Value));
        return violations;
    }

    private static void Compare(List<string> violations, string kind, Dictionary<string, long> stored, Dictionary<string, long> recount)
    {
        foreach (var key in stored.Keys.Union(recount.Keys).Order(StringComparer.Ordinal))
        {
            var (s, r) = (stored.GetValueOrDefault(key), recount.GetValueOrDefault(key));
            if (s != r)
            {
                violations.Add($"KPI {kind} {key}: stored {s}, recount {r}");
            }
        }
    }
}
