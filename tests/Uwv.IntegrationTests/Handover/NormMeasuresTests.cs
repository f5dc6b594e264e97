using System.Globalization;
using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// The divisions' norm deadline events, fed into the handover service's consumer over the bus: counted once per
/// deadline (a redelivered message and a second event of the same deadline alike) and shown on the dashboard.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class NormMeasuresTests(EmbeddedPlatformFixture platform)
{
    /// <summary>A team of this test's own, so other tests' counters do not mix in.</summary>
    private readonly string _team = $"normtest-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task NormEvents_DeliveredTwiceOrRepeated_AreCountedOncePerDeadline_OnTheDashboard()
    {
        var bus = platform.Service<IBus>();
        var now = DateTimeOffset.UtcNow;
        var (late, met, notReached) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await bus.Publish(Set(late, Norms.BezwaarContact, now));
        await bus.Publish(Escalated(late, Norms.BezwaarContact, now));
        await bus.Publish(Escalated(late, Norms.BezwaarContact, now));
        await bus.Publish(Resolved(late, Norms.BezwaarContact, NormOutcomes.Late, now, wasEscalated: true));
        await bus.Publish(Resolved(late, Norms.BezwaarContact, NormOutcomes.Late, now, wasEscalated: true));
        var messageId = NewId.NextGuid();
        var metOnce = Resolved(met, Norms.BezwaarContact, NormOutcomes.Met, now);
        await bus.Publish(metOnce, c => c.MessageId = messageId);
        await bus.Publish(metOnce, c => c.MessageId = messageId);
        await bus.Publish(Resolved(notReached, Norms.Terugbelverzoek, NormOutcomes.NotReached, now));

        var d = await Eventually.Until(Dashboard, d => d.NormCompliance.Count == 2 && d.NormEscalations.Count == 1 && d.NormEscalations[0].Resolved == 1,
            what: "the norm events counted");
        await Task.Delay(500);
        d = await Dashboard();

        var contact = d.NormCompliance.Single(c => c.Norm == Norms.BezwaarContact);
        (contact.AreaTeam, contact.Met, contact.Late, contact.ShareMet).ShouldBe((_team, 1L, 1L, 0.5));
        var callback = d.NormCompliance.Single(c => c.Norm == Norms.Terugbelverzoek);
        (callback.Met, callback.NotReached, callback.ShareMet).ShouldBe((0L, 1L, 0.0));
        var escalations = d.NormEscalations.Single();
        (escalations.Norm, escalations.AreaTeam, escalations.Fired, escalations.Resolved, escalations.StillOpen)
            .ShouldBe((Norms.BezwaarContact, _team, 1L, 1L, 0L));
        d.ToString().ShouldNotContain(late.ToString());
    }

    private async Task<KpiDashboard> Dashboard()
    {
        var c = platform.Client;
        var today = DateTime.UtcNow;
        return (await c.HandoverKpis().GetKpiDashboardAsync(new GetKpiDashboardRequest
        {
            AreaTeam = _team,
            FromDate = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ToDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, c.As("manager"))).Dashboard;
    }

    private NormDeadlineSet Set(Guid id, string norm, DateTimeOffset now) =>
        new(id, Guid.NewGuid(), norm, "", Guid.NewGuid(), DivisionCode.BezwaarBeroep, _team, null, now.AddHours(1), now);

    private NormDeadlineEscalated Escalated(Guid id, string norm, DateTimeOffset now) =>
        new(id, Guid.NewGuid(), norm, "", Guid.NewGuid(), DivisionCode.BezwaarBeroep, _team, "teamleider", now, now);

    private NormDeadlineResolved Resolved(Guid id, string norm, string outcome, DateTimeOffset now, bool wasEscalated = false) =>
        new(id, Guid.NewGuid(), norm, "", Guid.NewGuid(), DivisionCode.BezwaarBeroep, _team, now, now, outcome,
            outcome == NormOutcomes.Met, wasEscalated, now);
}
