using System.Globalization;
using Uwv.Contracts.Handover.V1;
using M = Uwv.Handover.Kpi.KpiMetrics;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.Handover.Kpi;

/// <summary>
/// The manager's measures per area team: handover lead time (p50/p85 per division pair), norm compliance and the
/// escalations of every norm. Pure arithmetic over the per-team counters.
/// </summary>
public static class MeasuresBuilder
{
    /// <summary>The norm name of handover acceptance in <see cref="NormEscalations"/>.</summary>
    public const string HandoverNorm = "overdracht";

    public static void Add(KpiDashboard d, IReadOnlyDictionary<(string Team, int From, int To, string Metric), long> perTeam)
    {
        var rows = perTeam.Where(r => r.Value != 0).ToList();
        AddLeadTimes(d, rows);
        d.NormCompliance.AddRange(Compliance(rows));
        d.NormEscalations.AddRange(Escalations(rows));
    }

    private static void AddLeadTimes(KpiDashboard d, List<KeyValuePair<(string Team, int From, int To, string Metric), long>> rows)
    {
        var buckets = rows.Where(r => r.Key.Metric.StartsWith(M.LeadTimePrefix, StringComparison.Ordinal))
            .Select(r => (r.Key.Team, r.Key.From, r.Key.To, Bucket: int.Parse(r.Key.Metric.AsSpan(M.LeadTimePrefix.Length), CultureInfo.InvariantCulture), r.Value))
            .ToList();
        d.LeadTime.AddRange(buckets.GroupBy(b => (b.Team, b.From, b.To))
            .OrderBy(g => g.Key.Team, StringComparer.Ordinal).ThenBy(g => g.Key.From).ThenBy(g => g.Key.To)
            .Select(g => LeadTime(g.Key.Team, g.Key.From, g.Key.To, g.Select(b => (b.Bucket, b.Value)))));
        d.LeadTimeTotal.AddRange(buckets.GroupBy(b => (b.From, b.To)).OrderBy(g => g.Key.From).ThenBy(g => g.Key.To)
            .Select(g => LeadTime("", g.Key.From, g.Key.To, g.Select(b => (b.Bucket, b.Value)))));
        if (buckets.Count > 0)
        {
            d.LeadTimeTotal.Add(LeadTime("", 0, 0, buckets.Select(b => (b.Bucket, b.Value))));
        }
    }

    private static LeadTime LeadTime(string team, int from, int to, IEnumerable<(int Bucket, long Count)> buckets)
    {
        var histogram = buckets.GroupBy(b => b.Bucket).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        return new LeadTime
        {
            AreaTeam = team, FromDivision = (Division)from, ToDivision = (Division)to, Accepted = histogram.Values.Sum(),
            P50OfficeHours = LatencyHistogram.Percentile(histogram, 0.50), P85OfficeHours = LatencyHistogram.Percentile(histogram, 0.85),
        };
    }

    private static IEnumerable<NormCompliance> Compliance(List<KeyValuePair<(string Team, int From, int To, string Metric), long>> rows) =>
        rows.Where(r => r.Key.Metric.StartsWith(M.NormResolvedPrefix, StringComparison.Ordinal))
            .Select(r => (r.Key.Team, Parts: NormKpi.Parse(r.Key.Metric, M.NormResolvedPrefix), r.Value))
            .GroupBy(r => (r.Parts.Norm, r.Parts.Category, r.Team))
            .OrderBy(g => g.Key.Norm, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Team, StringComparer.Ordinal)
            .Select(g =>
            {
                long Of(string outcome) => g.Where(r => r.Parts.Outcome == outcome).Sum(r => r.Value);
                var (met, late, notReached) = (Of(Contracts.Events.NormOutcomes.Met), Of(Contracts.Events.NormOutcomes.Late), Of(Contracts.Events.NormOutcomes.NotReached));
                var counted = met + late + notReached;
                return new NormCompliance
                {
                    Norm = g.Key.Norm, Category = g.Key.Category, AreaTeam = g.Key.Team,
                    Met = met, Late = late, NotReached = notReached, Voided = Of(Contracts.Events.NormOutcomes.Void),
                    ShareMet = counted == 0 ? 0 : (double)met / counted, Target = NormKpi.TargetOf(g.Key.Norm),
                };
            });

    private static IEnumerable<NormEscalations> Escalations(List<KeyValuePair<(string Team, int From, int To, string Metric), long>> rows)
    {
        var fired = new List<(string Norm, string Team, long Fired, long Resolved)>();
        foreach (var r in rows)
        {
            var m = r.Key.Metric;
            if (m == M.EscalationsFired || m == M.EscalationsResolved)
            {
                fired.Add((HandoverNorm, r.Key.Team, m == M.EscalationsFired ? r.Value : 0, m == M.EscalationsResolved ? r.Value : 0));
            }
            else if (m.StartsWith(M.NormEscalatedPrefix, StringComparison.Ordinal))
            {
                fired.Add((NormKpi.Parse(m, M.NormEscalatedPrefix).Norm, r.Key.Team, r.Value, 0));
            }
            else if (m.StartsWith(M.NormEscalationClosedPrefix, StringComparison.Ordinal))
            {
                fired.Add((NormKpi.Parse(m, M.NormEscalationClosedPrefix).Norm, r.Key.Team, 0, r.Value));
            }
        }
        return fired.GroupBy(f => (f.Norm, f.Team))
            .Select(g => new NormEscalations
            {
                Norm = g.Key.Norm, AreaTeam = g.Key.Team, Fired = g.Sum(f => f.Fired), Resolved = g.Sum(f => f.Resolved),
                StillOpen = g.Sum(f => f.Fired) - g.Sum(f => f.Resolved),
            })
            .Where(e => e.Fired > 0 || e.Resolved > 0)
            .OrderBy(e => e.Norm == HandoverNorm ? 0 : 1).ThenBy(e => e.Norm, StringComparer.Ordinal).ThenBy(e => e.AreaTeam, StringComparer.Ordinal);
    }
}
