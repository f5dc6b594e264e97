using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using static Uwv.UnitTests.Handover.HandoverScenario;
using ProtoDivision = Uwv.Contracts.Common.V1.Division;

namespace Uwv.UnitTests.Handover;

/// <summary>
/// A small history of handovers in team arnhem-noord, March 2026, with every figure worked out by hand:
/// <code>
/// handover  pair     nazorg                       transferred      outcome                               latency
/// A         SMZ→WB   reached at attempt 1         Mon 2 Mar 10:00  accepted Mon 12:00                     2 h
/// B         SMZ→WB   unanswered, reached at 2     Tue 3 Mar 10:00  accepted Wed 4 Mar 10:00               9 h
/// C         SMZ→UIT  3 unanswered (2 days)+letter Wed 4 Mar 10:00  returned 11:00 (incomplete-dossier)    -
///           SMZ→UIT  (same log)                   Thu 5 Mar 10:00  2nd ping-pong: casusoverleg, escalated;
///                                                                  accepted Thu 14:00                     4 h
/// D         SMZ→WB   teamleider override          Thu 5 Mar 10:00  not accepted: escalated Mon 9 Mar 17:01
/// E         WB→SMZ   not required (lineage of A)  Fri 6 Mar 10:00  accepted 11:00 (ping-pong of A)        1 h
/// </code>
/// Each handover is requested at 09:00 of its first day (E: Fri 6 Mar 09:00).
/// </summary>
public sealed class KpiScenarioTests
{
    private readonly KpiFold _fold = new(new KpiAccumulator(), Uwv.UnitTests.Calendar.TestCalendar.Office);
    private readonly List<OwnershipRow> _rows = [];
    private readonly List<DossierTransferred> _moves = [];

    [Fact]
    public void Kpis_OfHandComputedScenario_MatchTheWorkedOutFigures()
    {
        var a = Open(DivisionCode.Smz, At(2026, 3, 2, 8));
        var b = Open(DivisionCode.Smz, At(2026, 3, 2, 8));
        var c = Open(DivisionCode.Smz, At(2026, 3, 2, 8));
        var d = Open(DivisionCode.Smz, At(2026, 3, 2, 8));

        var ha = Request(a, DivisionCode.Werkbedrijf, At(2026, 3, 2, 9));
        ha = Do(ha, Reached(At(2026, 3, 2, 9, 30)), At(2026, 3, 2, 9, 30));
        ha = Do(ha, Transfer(History(a)), At(2026, 3, 2, 10));
        Do(ha, new AcceptHandover(Receiver), At(2026, 3, 2, 12));

        var hb = Request(b, DivisionCode.Werkbedrijf, At(2026, 3, 2, 9));
        hb = Do(hb, Unanswered(At(2026, 3, 2, 9, 30)), At(2026, 3, 2, 9, 30));
        hb = Do(hb, Reached(At(2026, 3, 3, 9)), At(2026, 3, 3, 9));
        hb = Do(hb, Transfer(History(b)), At(2026, 3, 3, 10));
        Do(hb, new AcceptHandover(Receiver), At(2026, 3, 4, 10));

        var hc = Request(c, DivisionCode.Uitkeren, At(2026, 3, 2, 9));
        hc = Do(hc, Unanswered(At(2026, 3, 2, 10)), At(2026, 3, 2, 10));
        hc = Do(hc, Unanswered(At(2026, 3, 2, 15)), At(2026, 3, 2, 15));
        hc = Do(hc, Unanswered(At(2026, 3, 3, 10)), At(2026, 3, 3, 10));
        hc = Do(hc, new RecordWrittenMessage(Sender, "letter"), At(2026, 3, 3, 11));
        hc = Do(hc, Transfer(History(c)), At(2026, 3, 4, 10));
        hc = Do(hc, new ReturnHandover(Receiver, "incomplete-dossier", "AO-besluit ontbreekt", History(c)), At(2026, 3, 4, 11));
        hc = Do(hc, Transfer(History(c)), At(2026, 3, 5, 10));
        hc.Casusoverleg.ShouldBeTrue();
        Do(hc, new AcceptHandover(Receiver), At(2026, 3, 5, 14));

        var hd = Request(d, DivisionCode.Werkbedrijf, At(2026, 3, 2, 9));
        hd = Do(hd, new OverrideNazorg("teamleider.arnhem-noord", "cliënt verhuist naar buitenland"), At(2026, 3, 5, 9));
        hd = Do(hd, Transfer(History(d)), At(2026, 3, 5, 10));
        hd = Do(hd, new EscalateHandover(), At(2026, 3, 9, 17, 1));
        hd.Status.ShouldBe(HandoverStates.Escalated);

        var he = Request(a, DivisionCode.Smz, At(2026, 3, 6, 9));
        he = Do(he, Transfer(History(a)), At(2026, 3, 6, 10));
        Do(he, new AcceptHandover("procesbegeleider.arnhem-noord"), At(2026, 3, 6, 11));

        Verzoeken();
        var k = KpiDashboardBuilder.Build(_fold.Accumulator.Totals("arnhem-noord", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), [0]));

        k.Handovers.Select(p => (p.FromDivision, p.ToDivision, p.Count)).ShouldBe(
            [(ProtoDivision.Smz, ProtoDivision.Werkbedrijf, 3), (ProtoDivision.Smz, ProtoDivision.Uitkeren, 2), (ProtoDivision.Werkbedrijf, ProtoDivision.Smz, 1)]);
        (k.NazorgCompliance.Transferred, k.NazorgCompliance.NazorgRequired, k.NazorgCompliance.NazorgDoneBeforeTransfer, k.NazorgCompliance.Overridden)
            .ShouldBe((6L, 5L, 4L, 1L));
        k.NazorgCompliance.Compliance.ShouldBe(0.8);
        (k.NazorgReach.WithNazorg, k.NazorgReach.ReachedAtAttempt1, k.NazorgReach.ReachedAtAttempt2, k.NazorgReach.ReachedAtAttempt3, k.NazorgReach.WrittenMessage)
            .ShouldBe((4L, 0.25, 0.25, 0.0, 0.5));
        (k.AcceptanceLatency.Accepted, k.AcceptanceLatency.P50OfficeHours, k.AcceptanceLatency.P85OfficeHours).ShouldBe((4L, 2.0, 9.0));
        (k.PingPong.DossiersHandedOver, k.PingPong.DossiersWithPingPong, k.PingPong.Direct, k.PingPong.Indirect, k.PingPong.Rate, k.PingPong.CasusoverlegFlags)
            .ShouldBe((4L, 2L, 3L, 0L, 0.5, 1L));
        (k.Returned.Transferred, k.Returned.Returned).ShouldBe((6L, 1L));
        k.Returned.Reasons.Select(r => (r.Reason, r.Count)).ShouldBe([("incomplete-dossier", 1L)]);
        (k.FirstTimeRight.DossiersHandedOver, k.FirstTimeRight.FirstTimeRight_, k.FirstTimeRight.Share).ShouldBe((4L, 1L, 0.25));
        k.FlowTime.Select(f => (f.Division, f.Episodes, f.MeanFlowOfficeHours, f.Efficiency)).ShouldBe(
            [(ProtoDivision.Smz, 1L, 2.0, 0.5), (ProtoDivision.Werkbedrijf, 2L, 11.0, 0.5), (ProtoDivision.Uitkeren, 1L, 32.0, 27.0 / 32)]);
        k.FlowLoad.Select(f => (f.Division, f.OpenDossiers, f.ArrivalsPerDay)).ShouldBe(
            [(ProtoDivision.Smz, 1L, 6 / 31.0), (ProtoDivision.Werkbedrijf, 2L, 3 / 31.0), (ProtoDivision.Uitkeren, 1L, 2 / 31.0)]);
        (k.Escalations.Fired, k.Escalations.Resolved, k.Escalations.StillOpen).ShouldBe((2L, 1L, 1L));
        // Request to acceptance in office hours (08:00-17:00): A 3, B 8+9+2 = 19, C 8+9+9+6 = 32 (the 36-hour bucket), E 2.
        k.LeadTime.Select(l => (l.FromDivision, l.ToDivision, l.Accepted, l.P50OfficeHours, l.P85OfficeHours)).ShouldBe([
            (ProtoDivision.Smz, ProtoDivision.Werkbedrijf, 2L, 3.0, 19.0),
            (ProtoDivision.Smz, ProtoDivision.Uitkeren, 1L, 36.0, 36.0),
            (ProtoDivision.Werkbedrijf, ProtoDivision.Smz, 1L, 2.0, 2.0),
        ]);
        k.NormEscalations.Select(e => (e.Norm, e.Fired, e.Resolved, e.StillOpen)).ShouldBe([(MeasuresBuilder.HandoverNorm, 2L, 1L, 1L)]);
        (k.Herbeoordelingsverzoeken.Opened, k.Herbeoordelingsverzoeken.Answered, k.Herbeoordelingsverzoeken.P85AnswerOfficeHours,
            k.Herbeoordelingsverzoeken.ShareAoChanged).ShouldBe((3L, 2L, 9.0, 0.5));
        (k.Unaccepted.OpenPastSla, k.Unaccepted.ByAge[0].Count).ShouldBe((1, 1L));
    }

    /// <summary>V1 answered after 9 office hours with a changed AO%, V2 after 4 hours without, V3 still open.</summary>
    private void Verzoeken()
    {
        var client = Guid.NewGuid();
        var (v1, v2, v3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var v in new[] { v1, v2, v3 })
        {
            _fold.Apply(new HerbeoordelingsverzoekOpened(v, client, Guid.NewGuid(), "arnhem-noord", "kan meer", At(2026, 3, 2, 9)));
        }
        _fold.Apply(new HerbeoordelingsverzoekAnswered(v1, client, "arnhem-noord", true, "AO% gewijzigd", At(2026, 3, 3, 9)));
        _fold.Apply(new HerbeoordelingsverzoekAnswered(v2, client, "arnhem-noord", false, "ongewijzigd", At(2026, 3, 2, 13)));
    }

    private Guid Open(DivisionCode division, DateTimeOffset at)
    {
        var dossier = Guid.NewGuid();
        _rows.AddRange(OwnershipLedger.Open([], dossier, Guid.NewGuid(), division, "arnhem-noord", at));
        _fold.Apply(new DossierOpened(dossier, _rows[^1].ClientId, division, "arnhem-noord", Sender, at));
        return dossier;
    }

    private HandoverState Request(Guid lineage, DivisionCode to, DateTimeOffset at)
    {
        var owner = _rows.Single(r => r.LineageId == lineage && r.Active);
        var input = new RequestInput(Guid.NewGuid(), owner.ClientId, owner.DossierId, owner.Division, to, "reden", null, Sender, owner, false, false);
        return Record(HandoverDecider.Request(input, Options, at));
    }

    private HandoverState Do(HandoverState state, HandoverCommand command, DateTimeOffset at) => Record(HandoverDecider.Decide(state, command, Options, at));

    private HandoverState Record(Decision decision)
    {
        var state = Ok(decision);
        foreach (var e in decision.Events)
        {
            if (e is DossierTransferred move)
            {
                _moves.Add(move);
                var after = OwnershipLedger.Move(_rows.Where(r => r.LineageId == move.LineageId).ToList(), move);
                _rows.RemoveAll(r => r.LineageId == move.LineageId);
                _rows.AddRange(after);
            }
            _fold.Apply(e);
        }
        return state;
    }

    private List<DossierMove> History(Guid lineage) =>
        _moves.Where(m => m.LineageId == lineage).Select(m => new DossierMove(m.FromDivision, m.ToDivision, m.OccurredAt)).ToList();
}
