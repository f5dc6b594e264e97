using Grpc.Core;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;
using SmzState = Uwv.Contracts.Smz.V1.VerzoekState;
using WbState = Uwv.Contracts.Werkbedrijf.V1.VerzoekState;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>Werkbedrijf's trajecten and herbeoordelingsverzoeken, SMZ picking them up; herkeuring and WGA 80-100 SLAs.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class WerkbedrijfSmzTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);
    private WerkbedrijfService.WerkbedrijfServiceClient Wb => _flow.Client.Werkbedrijf();
    private SmzService.SmzServiceClient Smz => _flow.Client.Smz;
    private Metadata As(string user) => _flow.Client.As(user);

    [Fact]
    public async Task Traject_FollowsThePhasesInOrder_WithDoelenAndAfspraken()
    {
        var clientId = await _flow.NewClient();
        var t = (await Wb.StartTrajectAsync(new() { ClientId = clientId }, As(AdviseurWerk))).Traject;
        t.Phase.ShouldBe(TrajectPhase.ContactMaken);
        t = (await Wb.AdvanceTrajectPhaseAsync(new() { TrajectId = t.TrajectId, ExpectedVersion = t.Version, Phase = TrajectPhase.Verkennen, Note = "Kennismaking gehad" }, As(AdviseurWerk))).Traject;
        var early = await Fails(() => Wb.RecordDoelAsync(new() { TrajectId = t.TrajectId, ExpectedVersion = t.Version, Description = "Werk in de zorg" }, As(AdviseurWerk)).ResponseAsync);
        early.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe("doelen-from-doelen-stellen");
        t = (await Wb.AdvanceTrajectPhaseAsync(new() { TrajectId = t.TrajectId, ExpectedVersion = t.Version, Phase = TrajectPhase.DoelenStellen }, As(AdviseurWerk))).Traject;
        t = (await Wb.RecordDoelAsync(new() { TrajectId = t.TrajectId, ExpectedVersion = t.Version, Description = "20 uur per week werken in de zorg" }, As(AdviseurWerk))).Traject;
        t = (await Wb.RecordAfspraakAsync(new() { TrajectId = t.TrajectId, ExpectedVersion = t.Version, Description = "Cv bijwerken", DueOn = "2026-12-15" }, As(AdviseurWerk))).Traject;
        var skip = await Fails(() => Wb.AdvanceTrajectPhaseAsync(new() { TrajectId = t.TrajectId, ExpectedVersion = t.Version, Phase = TrajectPhase.Afgerond }, As(AdviseurWerk)).ResponseAsync);
        skip.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe("phase-order");
        t.Doelen.ShouldHaveSingleItem().Description.ShouldBe("20 uur per week werken in de zorg");
        t.PhaseHistory.Select(p => p.ToPhase).ShouldBe([TrajectPhase.Verkennen, TrajectPhase.DoelenStellen]);

        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Reintegratietrajecten.Count == 1 && k.Reintegratietrajecten[0].Afspraken == 1, "the traject");
        (picture.Reintegratietrajecten[0].Phase, picture.Reintegratietrajecten[0].Doelen).ShouldBe(("doelen-stellen", 1));
    }

    [Fact]
    public async Task Herbeoordelingsverzoek_OpenedByWerkbedrijf_PickedUpAndAnsweredBySmz_IsCounted()
    {
        var clientId = await _flow.NewClient();
        await Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga, FmlSummary = "Zeer beperkt belastbaar", DecisionDate = "2021-05-03",
        }, As(Arts));
        var opened = (await Wb.OpenHerbeoordelingsverzoekAsync(new() { ClientId = clientId, Reason = "Cliënt lijkt meer te kunnen dan bij de claimbeoordeling" }, As(AdviseurWerk))).Verzoek;
        opened.State.ShouldBe(WbState.Open);
        var second = await Fails(() => Wb.OpenHerbeoordelingsverzoekAsync(new() { ClientId = clientId, Reason = "nog een" }, As(AdviseurWerk)).ResponseAsync);
        second.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe("one-open-verzoek");

        var atSmz = await Eventually.Until(
            async () => (await Smz.ListHerbeoordelingsverzoekenAsync(new() { State = SmzState.Open, PageSize = 100 }, As(Procesbegeleider))).Verzoeken.FirstOrDefault(v => v.VerzoekId == opened.VerzoekId),
            v => v is not null, what: "SMZ receiving the verzoek");
        var picked = (await Smz.PickUpHerbeoordelingsverzoekAsync(new() { VerzoekId = atSmz!.VerzoekId, ExpectedVersion = atSmz.Version }, As(Procesbegeleider))).Verzoek;
        await Eventually.Until(() => Wb.GetHerbeoordelingsverzoekAsync(new() { VerzoekId = opened.VerzoekId }, As(AdviseurWerk)).ResponseAsync,
            r => r.Verzoek.State == WbState.PickedUp, what: "Werkbedrijf seeing the pick-up");

        var claim = (await Smz.ListHerbeoordelingsverzoekenAsync(new(), As(Arts))).Verzoeken.Single(v => v.VerzoekId == opened.VerzoekId);
        claim.State.ShouldBe(SmzState.PickedUp);
        var herbeoordeling = await Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.Herbeoordeling, AoKlasse = AoKlasse._3580, AoPercentage = 55,
            FmlSummary = "Kan 4 uur per dag licht werk doen", DecisionDate = "2026-11-20", MedicalNotes = "Medische toelichting herbeoordeling",
        }, As(Arts));
        var answered = (await Smz.AnswerHerbeoordelingsverzoekAsync(new()
        {
            VerzoekId = picked.VerzoekId, ExpectedVersion = picked.Version, BeoordelingId = herbeoordeling.BeoordelingId, Outcome = "Van 80-100% naar 35-80%",
        }, As(Arts))).Verzoek;
        answered.AoChanged.ShouldBeTrue();

        var atWb = await Eventually.Until(() => Wb.GetHerbeoordelingsverzoekAsync(new() { VerzoekId = opened.VerzoekId }, As(AdviseurWerk)).ResponseAsync,
            r => r.Verzoek.State == WbState.Answered, what: "Werkbedrijf seeing the answer");
        (atWb.Verzoek.AoChanged, atWb.Verzoek.Outcome).ShouldBe((true, "Van 80-100% naar 35-80%"));
        var counts = await Wb.CountHerbeoordelingsverzoekenAsync(new(), As(Manager));
        counts.Teams.Single(t => t.AreaTeam == "arnhem-noord").AnsweredAoChanged.ShouldBeGreaterThanOrEqualTo(1);
        counts.Total.Unanswered.ShouldBe(counts.Total.Open + counts.Total.PickedUp);
        counts.ToString().ShouldNotContain(clientId);

        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Herbeoordelingsverzoeken.Count == 1 && k.Herbeoordelingsverzoeken[0].State == "answered", "the answered verzoek", AdviseurWerk);
        picture.Herbeoordelingsverzoeken[0].AoChanged.ShouldBeTrue();
        picture.ToString().ShouldNotContain("Medische toelichting");
    }

    [Fact]
    public async Task Herkeuringsaanvraag_NotCalledWithinFiveCalendarDays_IsListedAsLate_UntilTheClientIsReached()
    {
        var clientId = await _flow.NewClient();
        var a = (await Smz.RegisterHerkeuringsaanvraagAsync(new() { ClientId = clientId, ReceivedOn = "2026-11-02" }, As(Procesbegeleider))).Aanvraag;
        a.CallDueOn.ShouldBe("2026-11-07"); // Monday + 5 calendar days: Saturday (seed 003), not Monday 9 November
        a.Late.ShouldBeTrue();
        (await LateCalls()).ShouldContain(x => x.AanvraagId == a.AanvraagId);

        a = (await Smz.RecordHerkeuringCallAsync(new() { AanvraagId = a.AanvraagId, ExpectedVersion = a.Version, CalledOn = "2026-11-10", Reached = false }, As(Procesbegeleider))).Aanvraag;
        (a.UnansweredCalls, a.CalledOn).ShouldBe((1, ""));
        (await LateCalls()).ShouldContain(x => x.AanvraagId == a.AanvraagId);
        a = (await Smz.RecordHerkeuringCallAsync(new() { AanvraagId = a.AanvraagId, ExpectedVersion = a.Version, CalledOn = "2026-11-11", Reached = true }, As(Procesbegeleider))).Aanvraag;
        a.CalledOn.ShouldBe("2026-11-11");
        (await LateCalls()).ShouldNotContain(x => x.AanvraagId == a.AanvraagId);

        var arts = await Fails(() => Smz.RecordHerkeuringCallAsync(new() { AanvraagId = a.AanvraagId, ExpectedVersion = a.Version, CalledOn = "2026-11-11", Reached = true }, As(Arts)).ResponseAsync);
        arts.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Herkeuringsaanvragen.Count == 1 && k.Herkeuringsaanvragen[0].CalledOn != "", "the herkeuring call");
        picture.Herkeuringsaanvragen[0].Late.ShouldBeTrue(); // reached after the due day
    }

    [Fact]
    public async Task Wga80100_ClientsWithoutAContactForAYear_AreListed_UntilAReachedContact()
    {
        var clientId = await _flow.NewClient();
        await Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga, FmlSummary = "Zeer beperkt", DecisionDate = "2025-10-01",
        }, As(Arts));
        var due = (await Smz.ListWga80100ContactsDueAsync(new() { PageSize = 100 }, As(Procesbegeleider))).Contacts.Single(c => c.ClientId == clientId);
        (due.NextContactDueOn, due.Overdue).ShouldBe(("2026-10-01", true));

        await Smz.LogContactAsync(new() { ClientId = clientId, Channel = Uwv.Contracts.Casework.V1.ContactChannel.Phone, Subject = "Jaarlijks contact WGA 80-100", Reached = true }, As(Procesbegeleider));
        (await Smz.ListWga80100ContactsDueAsync(new() { PageSize = 100 }, As(Procesbegeleider))).Contacts.ShouldNotContain(c => c.ClientId == clientId);
        (await Smz.ListWga80100ContactsDueAsync(new() { WithinDays = 366, PageSize = 100 }, As(Procesbegeleider))).Contacts.ShouldContain(c => c.ClientId == clientId);
        (await Smz.ListWga80100ContactsDueAsync(new() { WithinDays = 366, PageSize = 100 }, As("procesbegeleider.arnhem-zuid"))).Contacts.ShouldNotContain(c => c.ClientId == clientId);
    }

    [Fact]
    public async Task MedicalNotes_AreReadOnlyBySmzMedicalRoles()
    {
        var clientId = await _flow.NewClient();
        var recorded = await Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.Ziektewet, AoKlasse = AoKlasse._3580, AoPercentage = 40, FmlSummary = "Geen tilwerk",
            DecisionDate = "2026-11-16", MedicalNotes = "Diagnose blijft bij SMZ", Arbeidsdeskundige = "arbeidsdeskundige.arnhem-noord",
        }, As(Arts));
        var byArts = (await Smz.GetBeoordelingAsync(new() { BeoordelingId = recorded.BeoordelingId, Purpose = "beoordeling" }, As(Arts))).Beoordeling;
        (byArts.MedicalNotes, byArts.AoPercentage, byArts.Arbeidsdeskundige).ShouldBe(("Diagnose blijft bij SMZ", 40, "arbeidsdeskundige.arnhem-noord"));
        (await Smz.GetBeoordelingAsync(new() { BeoordelingId = recorded.BeoordelingId, Purpose = "beoordeling" }, As(Procesbegeleider))).Beoordeling.MedicalNotes.ShouldBeEmpty();
        (await Fails(() => Smz.GetBeoordelingAsync(new() { BeoordelingId = recorded.BeoordelingId, Purpose = "beoordeling" }, As(Jurist)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    private async Task<IReadOnlyList<Herkeuringsaanvraag>> LateCalls() =>
        (await Smz.ListLateHerkeuringCallsAsync(new() { PageSize = 100 }, As(Procesbegeleider))).Aanvragen;
}
