using System.Globalization;
using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;

namespace Uwv.EndToEndTests.Handover;

/// <summary>
/// A division's norm events reach the handover service's measures over RabbitMQ with each service's own broker user:
/// Bezwaar en Beroep may publish them and the handover service may read them (decision 0020), and a deadline delivered
/// twice counts once.
/// </summary>
[Collection(RealPlatformCollection.Name)]
public sealed class NormMeasuresEndToEndTests(RealPlatformFixture platform)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _team = $"e2e-norms-{Guid.NewGuid():N}"[..22];

    [Fact]
    public async Task NormEvents_PublishedByBezwaarBeroepsBrokerUser_AreCountedOnceOnTheDashboard()
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(ServiceAccounts.RabbitMqLogin(platform.RabbitMq, "bezwaarberoep")));
            cfg.OverrideDefaultBusEndpointQueueName($"bezwaarberoep-bus-{NewId.NextGuid():N}");
        });
        await bus.StartAsync(new CancellationTokenSource(Wait).Token);
        try
        {
            var now = DateTimeOffset.UtcNow;
            var (late, met) = (Guid.NewGuid(), Guid.NewGuid());
            await bus.Publish(new NormDeadlineEscalated(late, Guid.NewGuid(), Norms.Beslistermijn, "medisch", Guid.NewGuid(), DivisionCode.BezwaarBeroep,
                _team, "teamleider", now, now));
            var resolved = Resolved(late, NormOutcomes.Late, now, escalated: true);
            await bus.Publish(resolved);
            await bus.Publish(resolved);
            await bus.Publish(Resolved(met, NormOutcomes.Met, now, escalated: false));

            var d = await Eventually.Until(Dashboard, d => d.NormCompliance.Sum(c => c.Met + c.Late) >= 2 && d.NormEscalations.Sum(e => e.Resolved) >= 1,
                Wait, "the bezwaren counted");
            await Task.Delay(1000);
            d = await Dashboard();
            var row = d.NormCompliance.ShouldHaveSingleItem();
            (row.Norm, row.Category, row.Met, row.Late, row.ShareMet, row.Target).ShouldBe((Norms.Beslistermijn, "medisch", 1L, 1L, 0.5, 0.958));
            var escalation = d.NormEscalations.ShouldHaveSingleItem();
            (escalation.Fired, escalation.Resolved, escalation.StillOpen).ShouldBe((1L, 1L, 0L));
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private NormDeadlineResolved Resolved(Guid id, string outcome, DateTimeOffset now, bool escalated) =>
        new(id, Guid.NewGuid(), Norms.Beslistermijn, "medisch", Guid.NewGuid(), DivisionCode.BezwaarBeroep, _team, now, now, outcome,
            outcome == NormOutcomes.Met, escalated, now);

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
}
