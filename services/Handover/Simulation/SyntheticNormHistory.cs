using Uwv.Contracts.Events;

namespace Uwv.Handover.Simulation;

/// <summary>
/// A deterministic history of one client's past norm deadlines (terugbelverzoek, bezwaar contact and beslistermijn,
/// herkeuring call, herbeoordelingsverzoek, WGA 80-100 contact) as the divisions publish them: set, escalated when the
/// deadline passed, resolved. Its shares follow the sources where they name one (seed 002: medical bezwaren decided in
/// time about 69%); some escalations are still open. The same seed and index always give the same events and
/// deadline ids, so a replay counts nothing twice.
/// </summary>
public static class SyntheticNormHistory
{
    private sealed record Plan(string Norm, string Category, DivisionCode Division, double Chance, double Met, double Late, double NotReached, double StillOpen);

    private static readonly Plan[] Plans =
    [
        new(Norms.Terugbelverzoek, "", DivisionCode.Uitkeren, 0.6, 0.8, 0.12, 0.08, 0),
        new(Norms.BezwaarContact, "", DivisionCode.BezwaarBeroep, 0.3, 0.84, 0.12, 0, 0.02),
        new(Norms.Beslistermijn, "medisch", DivisionCode.BezwaarBeroep, 0.18, 0.67, 0.29, 0, 0.1),
        new(Norms.Beslistermijn, "niet-medisch", DivisionCode.BezwaarBeroep, 0.12, 0.93, 0.04, 0, 0.05),
        new(Norms.HerkeuringCall, "", DivisionCode.Smz, 0.15, 0.76, 0.24, 0, 0),
        new(Norms.Herbeoordelingsverzoek, "", DivisionCode.Smz, 0.1, 0.7, 0.3, 0, 0.1),
        new(Norms.Wga80100Contact, "", DivisionCode.Smz, 0.1, 0.85, 0.15, 0, 0.1),
    ];

    /// <summary>The norm events of one client in <paramref name="team"/>, their work done in the <paramref name="days"/> days before <paramref name="today"/>.</summary>
    public static IReadOnlyList<IClientEvent> Client(int seed, long index, Guid clientId, string team, DateTimeOffset today, int days)
    {
        // Not the lineage's own stream (SyntheticHistory uses Mix(seed, index)), and stable across processes.
        var random = new Random(SyntheticHistory.Mix(seed ^ 0x4E4F524D, index));
        var events = new List<IClientEvent>();
        foreach (var plan in Plans)
        {
            if (random.NextDouble() >= plan.Chance)
            {
                continue;
            }
            var id = NewId(random);
            var subject = NewId(random);
            var done = today.AddMinutes(-random.Next(60, Math.Max(61, days * 24 * 60)));
            var open = random.NextDouble() < plan.StillOpen;
            var roll = random.NextDouble();
            var outcome = roll < plan.Met ? NormOutcomes.Met
                : roll < plan.Met + plan.Late ? NormOutcomes.Late
                : roll < plan.Met + plan.Late + plan.NotReached ? NormOutcomes.NotReached
                : NormOutcomes.Void;
            var escalated = open || outcome is NormOutcomes.Late or NormOutcomes.NotReached;
            var due = escalated ? done.AddHours(-random.Next(2, 72)) : done.AddHours(random.Next(2, 72));
            var set = due.AddDays(-5);
            events.Add(new NormDeadlineSet(id, clientId, plan.Norm, plan.Category, subject, plan.Division, team, due.AddHours(-8), due, set));
            if (escalated)
            {
                events.Add(new NormDeadlineEscalated(id, clientId, plan.Norm, plan.Category, subject, plan.Division, team, "teamleider", due, due.AddMinutes(1)));
            }
            if (!open)
            {
                events.Add(new NormDeadlineResolved(id, clientId, plan.Norm, plan.Category, subject, plan.Division, team, due, done, outcome,
                    outcome == NormOutcomes.Met, escalated, done));
            }
        }
        return events;
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
