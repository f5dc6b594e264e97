using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Kpi;
using static Uwv.UnitTests.Handover.HandoverScenario;
using ProtoDivision = Uwv.Contracts.Common.V1.Division;

namespace Uwv.UnitTests.Handover;

/// <summary>
/// Handover lead time: office hours from the request to the acceptance, per area team and division pair, p50 and p85
/// as the upper bound of the fixed histogram bucket that holds the nearest rank.
/// </summary>
public sealed class LeadTimeTests
{
    private readonly KpiFold _fold = new(new KpiAccumulator(), Uwv.UnitTests.Calendar.TestCalendar.Office);

    /// <summary>A handover requested Monday 2 March 2026 09:00 and accepted after <paramref name="officeHours"/> office hours the same day.</summary>
    private void Accept(double officeHours, string team = "arnhem-noord", DivisionCode to = DivisionCode.Werkbedrijf, DateTimeOffset? requested = null, DateTimeOffset? accepted = null)
    {
        var at = requested ?? At(2026, 3, 2, 9);
        var h = new HandoverSnapshot(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Smz, to, team, "regular", "accepted", 4,
            at, at, null, 0, false, false);
        _fold.Apply(new HandoverAccepted(Guid.NewGuid(), h, Receiver, accepted ?? at.AddHours(officeHours)));
    }

    private KpiDashboard March(string? team = null) =>
        KpiDashboardBuilder.Build(_fold.Accumulator.Totals(team, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));

    [Fact]
    public void LeadTime_P85_IsTheBucketHolding85PercentOfHandovers()
    {
        // 20 handovers: 17 of them (85%) within 2 hours, then 3 of 6 hours. Rank ceil(0.85 * 20) = 17: the 2-hour bucket.
        for (var i = 0; i < 17; i++)
        {
            Accept(i < 10 ? 0.5 : 2);
        }
        for (var i = 0; i < 3; i++)
        {
            Accept(6);
        }

        var row = March().LeadTime.Single();
        (row.Accepted, row.P50OfficeHours, row.P85OfficeHours).ShouldBe((20L, 0.5, 2.0));
    }

    [Fact]
    public void LeadTime_P85_MovesToTheNextBucket_WhenOneMoreHandoverIsSlow()
    {
        for (var i = 0; i < 16; i++)
        {
            Accept(2);
        }
        for (var i = 0; i < 4; i++)
        {
            Accept(6);
        }

        March().LeadTime.Single().P85OfficeHours.ShouldBe(6.0);
    }

    [Fact]
    public void LeadTime_CountsOfficeHoursOnly()
    {
        // Friday 6 March 16:00 to Monday 9 March 10:00: one office hour on Friday, two on Monday.
        Accept(0, requested: At(2026, 3, 6, 16), accepted: At(2026, 3, 9, 10));

        March().LeadTime.Single().P50OfficeHours.ShouldBe(3.0);
    }

    [Fact]
    public void LeadTime_IsPerTeamAndPair_WithTotalsFromTheMergedHistograms()
    {
        Accept(1, team: "arnhem-noord");
        Accept(1, team: "arnhem-noord");
        Accept(8, team: "arnhem-zuid");
        Accept(4, to: DivisionCode.Uitkeren, team: "arnhem-zuid");

        var d = March();
        d.LeadTime.Select(l => (l.AreaTeam, l.ToDivision, l.Accepted, l.P50OfficeHours)).ShouldBe([
            ("arnhem-noord", ProtoDivision.Werkbedrijf, 2L, 1.0),
            ("arnhem-zuid", ProtoDivision.Werkbedrijf, 1L, 8.0),
            ("arnhem-zuid", ProtoDivision.Uitkeren, 1L, 4.0),
        ]);
        // SMZ → WB over both teams: 1, 1, 8 hours. p50 is rank 2 (1 hour), p85 rank 3 (8 hours): not an average of the teams.
        var pair = d.LeadTimeTotal.Single(l => l.ToDivision == ProtoDivision.Werkbedrijf);
        (pair.AreaTeam, pair.Accepted, pair.P50OfficeHours, pair.P85OfficeHours).ShouldBe(("", 3L, 1.0, 8.0));
        var all = d.LeadTimeTotal.Single(l => l.ToDivision == ProtoDivision.Unspecified);
        (all.Accepted, all.P50OfficeHours, all.P85OfficeHours).ShouldBe((4L, 1.0, 8.0));
    }
}
