using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;

namespace Uwv.UnitTests.Handover;

/// <summary>"WGA clients without a re-integratie owner" per area team: a gauge from SMZ's versioned state, order-tolerant.</summary>
public sealed class ReintegratieKpiTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ReintegratieOwnerChanged Changed(long version, bool needsOwner, string team = "arnhem-noord") =>
        new(Client, team, Wga: true, needsOwner ? null : "werkbedrijf", needsOwner, version, At.AddMinutes(version));

    private static long Sum(IEnumerable<GaugeDelta> gauges, string team) => gauges.Where(g => g.Team == team).Sum(g => g.Value);

    [Fact]
    public void WgaClientWithoutOwner_CountsOne_InTheTeam_UntilItHasAnOwner()
    {
        var (first, up) = ReintegratieKpi.Apply(null, Changed(1, needsOwner: true));
        Sum(up, "arnhem-noord").ShouldBe(1);

        var (_, down) = ReintegratieKpi.Apply(first, Changed(2, needsOwner: false));
        Sum(down, "arnhem-noord").ShouldBe(-1);
    }

    [Fact]
    public void OlderOrRepeatedState_ChangesNothing()
    {
        var (known, _) = ReintegratieKpi.Apply(null, Changed(2, needsOwner: false));

        var (older, olderGauges) = ReintegratieKpi.Apply(known, Changed(1, needsOwner: true));
        older.ShouldBeNull();
        olderGauges.ShouldBeEmpty();
        ReintegratieKpi.Apply(known, Changed(2, needsOwner: false)).Gauges.ShouldBeEmpty();
    }

    [Fact]
    public void AClientWhoMovedTeams_IsCountedInTheNewTeamOnly()
    {
        var (known, _) = ReintegratieKpi.Apply(null, Changed(1, needsOwner: true));

        var (_, moved) = ReintegratieKpi.Apply(known, Changed(2, needsOwner: true, team: "arnhem-zuid"));

        (Sum(moved, "arnhem-noord"), Sum(moved, "arnhem-zuid")).ShouldBe((-1, 1));
    }

    [Fact]
    public void AnyArrivalOrder_EndsWithTheNewestState()
    {
        var events = new[] { Changed(1, true), Changed(2, false), Changed(3, true), Changed(4, false) };
        foreach (var order in new[] { new[] { 0, 1, 2, 3 }, [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2] })
        {
            WgaClientKpi? known = null;
            long total = 0;
            foreach (var i in order)
            {
                var (next, gauges) = ReintegratieKpi.Apply(known, events[i]);
                known = next ?? known;
                total += gauges.Sum(g => g.Value);
            }
            total.ShouldBe(0);
        }
    }

    [Fact]
    public void RepeatedVersion_OfAClientNeedingAnOwner_IsNotCountedAgain()
    {
        var (known, _) = ReintegratieKpi.Apply(null, Changed(1, needsOwner: true));

        var (next, gauges) = ReintegratieKpi.Apply(known, Changed(1, needsOwner: true));

        next.ShouldBeNull();
        gauges.ShouldBeEmpty();
    }
}
