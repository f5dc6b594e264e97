using Grpc.Core;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>
/// Every new division method answers bad input with INVALID_ARGUMENT naming the field, and writes and publishes nothing
/// (nothing about the client the cases point at, in any division database or outbox).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class DivisionBadInputTests(EmbeddedPlatformFixture platform)
{
    /// <summary>Valid records the cases point at, created once: the cases fail on another field.</summary>
    private sealed record Seed(string ClientId, Bezwaar Bezwaar, Traject Traject, Herkeuringsaanvraag Aanvraag, Uitkering Uitkering, Voorschot Voorschot);

    private static Task<Seed>? _seed;
    private static readonly object SeedLock = new();
    private static readonly string Missing = Guid.NewGuid().ToString();
    private static readonly string TooLong = new('x', 65);

    private delegate Task Call(PlatformClient c, Seed s);

    private static readonly Dictionary<string, (string Field, string User, Call Call)> Cases = new()
    {
        ["smz GetDossier"] = ("dossier_id", Arts, (c, s) => c.Smz.GetDossierAsync(new() { DossierId = "nope" }, c.As(Arts)).ResponseAsync),
        ["smz ChangeDossierStatus"] = ("status", Arts, (c, s) => c.Smz.ChangeDossierStatusAsync(new() { DossierId = Missing, ExpectedVersion = 1, Status = "gesloten", Reason = "r" }, c.As(Arts)).ResponseAsync),
        ["smz LogContact channel"] = ("channel", Arts, (c, s) => c.Smz.LogContactAsync(new() { ClientId = s.ClientId, Subject = "s" }, c.As(Arts)).ResponseAsync),
        ["smz LogContact contact_at"] = ("contact_at", Arts, (c, s) => c.Smz.LogContactAsync(new() { ClientId = s.ClientId, Subject = "s", Channel = ContactChannel.Phone, ContactAt = "2999-01-01T10:00:00Z" }, c.As(Arts)).ResponseAsync),
        ["smz CreateTerugbelverzoek"] = ("subject", Arts, (c, s) => c.Smz.CreateTerugbelverzoekAsync(new() { ClientId = s.ClientId, Subject = " " }, c.As(Arts)).ResponseAsync),
        ["smz CompleteTerugbelverzoek"] = ("terugbelverzoek_id", Arts, (c, s) => c.Smz.CompleteTerugbelverzoekAsync(new() { TerugbelverzoekId = "x", ExpectedVersion = 1 }, c.As(Arts)).ResponseAsync),
        ["smz ListOverdueTerugbelverzoeken"] = ("page_size", Arts, (c, s) => c.Smz.ListOverdueTerugbelverzoekenAsync(new() { PageSize = 101 }, c.As(Arts)).ResponseAsync),
        ["smz RecordBeoordeling ao_percentage"] = ("ao_percentage", Arts, (c, s) => c.Smz.RecordBeoordelingAsync(new()
        {
            ClientId = s.ClientId, Type = BeoordelingType.Ziektewet, AoKlasse = AoKlasse._3580, AoPercentage = 90, FmlSummary = "f", DecisionDate = "2026-11-02",
        }, c.As(Arts)).ResponseAsync),
        ["smz RegisterHerkeuringsaanvraag"] = ("received_on", Arts, (c, s) => c.Smz.RegisterHerkeuringsaanvraagAsync(new() { ClientId = s.ClientId, ReceivedOn = "2999-01-01" }, c.As(Arts)).ResponseAsync),
        ["smz RecordHerkeuringCall called_on"] = ("called_on", Procesbegeleider, (c, s) => c.Smz.RecordHerkeuringCallAsync(new() { AanvraagId = s.Aanvraag.AanvraagId, ExpectedVersion = s.Aanvraag.Version, CalledOn = "11-11-2026" }, c.As(Procesbegeleider)).ResponseAsync),
        ["smz RecordHerkeuringCall expected_version"] = ("expected_version", Procesbegeleider, (c, s) => c.Smz.RecordHerkeuringCallAsync(new() { AanvraagId = s.Aanvraag.AanvraagId, CalledOn = "2026-11-11", Reached = true }, c.As(Procesbegeleider)).ResponseAsync),
        ["smz ListLateHerkeuringCalls"] = ("page_token", Arts, (c, s) => c.Smz.ListLateHerkeuringCallsAsync(new() { PageToken = "abc" }, c.As(Arts)).ResponseAsync),
        ["smz ListWga80100ContactsDue"] = ("within_days", Arts, (c, s) => c.Smz.ListWga80100ContactsDueAsync(new() { WithinDays = 400 }, c.As(Arts)).ResponseAsync),
        ["smz ListHerbeoordelingsverzoeken"] = ("state", Arts, (c, s) => c.Smz.ListHerbeoordelingsverzoekenAsync(new() { State = (Uwv.Contracts.Smz.V1.VerzoekState)99 }, c.As(Arts)).ResponseAsync),
        ["smz PickUpHerbeoordelingsverzoek"] = ("verzoek_id", Arts, (c, s) => c.Smz.PickUpHerbeoordelingsverzoekAsync(new() { VerzoekId = "x", ExpectedVersion = 1 }, c.As(Arts)).ResponseAsync),
        ["smz AnswerHerbeoordelingsverzoek"] = ("outcome", Arts, (c, s) => c.Smz.AnswerHerbeoordelingsverzoekAsync(new() { VerzoekId = Missing, ExpectedVersion = 1, BeoordelingId = Missing, Outcome = "" }, c.As(Arts)).ResponseAsync),

        ["wb ChangeDossierStatus"] = ("reason", AdviseurWerk, (c, s) => c.Werkbedrijf().ChangeDossierStatusAsync(new() { DossierId = Missing, ExpectedVersion = 1, Status = "closed" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb StartTraject"] = ("client_id", AdviseurWerk, (c, s) => c.Werkbedrijf().StartTrajectAsync(new() { ClientId = "x" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb GetTraject"] = ("traject_id", AdviseurWerk, (c, s) => c.Werkbedrijf().GetTrajectAsync(new() { TrajectId = "" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb AdvanceTrajectPhase"] = ("phase", AdviseurWerk, (c, s) => c.Werkbedrijf().AdvanceTrajectPhaseAsync(new() { TrajectId = s.Traject.TrajectId, ExpectedVersion = s.Traject.Version }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb RecordDoel"] = ("description", AdviseurWerk, (c, s) => c.Werkbedrijf().RecordDoelAsync(new() { TrajectId = s.Traject.TrajectId, ExpectedVersion = s.Traject.Version, Description = "" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb RecordAfspraak"] = ("due_on", AdviseurWerk, (c, s) => c.Werkbedrijf().RecordAfspraakAsync(new() { TrajectId = s.Traject.TrajectId, ExpectedVersion = s.Traject.Version, Description = "d", DueOn = "morgen" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb OpenHerbeoordelingsverzoek"] = ("reason", AdviseurWerk, (c, s) => c.Werkbedrijf().OpenHerbeoordelingsverzoekAsync(new() { ClientId = s.ClientId, Reason = "" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb GetHerbeoordelingsverzoek"] = ("verzoek_id", AdviseurWerk, (c, s) => c.Werkbedrijf().GetHerbeoordelingsverzoekAsync(new() { VerzoekId = "x" }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb ListHerbeoordelingsverzoeken"] = ("page_size", AdviseurWerk, (c, s) => c.Werkbedrijf().ListHerbeoordelingsverzoekenAsync(new() { PageSize = -1 }, c.As(AdviseurWerk)).ResponseAsync),
        ["wb CountHerbeoordelingsverzoeken"] = ("area_team", Manager, (c, s) => c.Werkbedrijf().CountHerbeoordelingsverzoekenAsync(new() { AreaTeam = TooLong }, c.As(Manager)).ResponseAsync),

        ["uit GrantUitkering type"] = ("type", Uitkeringsdeskundige, (c, s) => c.Uitkeren().GrantUitkeringAsync(new() { ClientId = s.ClientId, StartDate = "2026-01-01", MonthlyAmountCents = 1 }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit GrantUitkering end_date"] = ("end_date", Uitkeringsdeskundige, (c, s) => c.Uitkeren().GrantUitkeringAsync(new() { ClientId = s.ClientId, Type = UitkeringType.Wajong, StartDate = "2026-01-01", EndDate = "2025-12-31", MonthlyAmountCents = 1 }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit GrantUitkering amount"] = ("monthly_amount_cents", Uitkeringsdeskundige, (c, s) => c.Uitkeren().GrantUitkeringAsync(new() { ClientId = s.ClientId, Type = UitkeringType.Wajong, StartDate = "2026-01-01" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit EndUitkering"] = ("end_date", Uitkeringsdeskundige, (c, s) => c.Uitkeren().EndUitkeringAsync(new() { UitkeringId = s.Uitkering.UitkeringId, ExpectedVersion = s.Uitkering.Version, EndDate = "x" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit ListUitkeringen"] = ("as_of", Uitkeringsdeskundige, (c, s) => c.Uitkeren().ListUitkeringenAsync(new() { ClientId = s.ClientId, AsOf = "2026/01/01" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit OfferVoorschot"] = ("wia_aanvraag_on", Uitkeringsdeskundige, (c, s) => c.Uitkeren().OfferVoorschotAsync(new() { ClientId = s.ClientId, MonthlyAmountCents = 1, WiaAanvraagOn = "2999-01-01" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit GetVoorschot"] = ("voorschot_id", Uitkeringsdeskundige, (c, s) => c.Uitkeren().GetVoorschotAsync(new() { VoorschotId = "x" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit RecordVoorschotBelpoging"] = ("voorschot_id", Uitkeringsdeskundige, (c, s) => c.Uitkeren().RecordVoorschotBelpogingAsync(new() { VoorschotId = "x", ExpectedVersion = 1 }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit StartVoorschot"] = ("start_date", Uitkeringsdeskundige, (c, s) => c.Uitkeren().StartVoorschotAsync(new() { VoorschotId = s.Voorschot.VoorschotId, ExpectedVersion = s.Voorschot.Version, StartDate = "x" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit RecordInkomstenSignaal period"] = ("period", Uitkeringsdeskundige, (c, s) => c.Uitkeren().RecordInkomstenSignaalAsync(new() { ClientId = s.ClientId, Period = "2026-13", IncomeCents = 1 }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit RecordInkomstenSignaal income"] = ("income_cents", Uitkeringsdeskundige, (c, s) => c.Uitkeren().RecordInkomstenSignaalAsync(new() { ClientId = s.ClientId, Period = "2026-09", IncomeCents = -1 }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit RecordTerugvordering"] = ("reason", Uitkeringsdeskundige, (c, s) => c.Uitkeren().RecordTerugvorderingAsync(new() { ClientId = s.ClientId, AmountCents = 100 }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit ListInkomstenSignalen"] = ("client_id", Uitkeringsdeskundige, (c, s) => c.Uitkeren().ListInkomstenSignalenAsync(new() { ClientId = "" }, c.As(Uitkeringsdeskundige)).ResponseAsync),
        ["uit ListTerugvorderingen"] = ("client_id", Uitkeringsdeskundige, (c, s) => c.Uitkeren().ListTerugvorderingenAsync(new() { ClientId = "" }, c.As(Uitkeringsdeskundige)).ResponseAsync),

        ["bb RegisterBezwaar division"] = ("decision_division", Jurist, (c, s) => c.BezwaarBeroep().RegisterBezwaarAsync(With(s, r => r.DecisionDivision = Division.Unspecified), c.As(Jurist)).ResponseAsync),
        ["bb RegisterBezwaar received_on"] = ("received_on", Jurist, (c, s) => c.BezwaarBeroep().RegisterBezwaarAsync(With(s, r => r.ReceivedOn = "2026-01-05"), c.As(Jurist)).ResponseAsync),
        ["bb RegisterBezwaar grounds"] = ("grounds", Jurist, (c, s) => c.BezwaarBeroep().RegisterBezwaarAsync(With(s, r => r.Grounds = ""), c.As(Jurist)).ResponseAsync),
        ["bb RegisterBezwaar postmark_date after receipt"] = ("postmark_date", Jurist, (c, s) => c.BezwaarBeroep().RegisterBezwaarAsync(With(s, r => r.PostmarkDate = "2026-02-06"), c.As(Jurist)).ResponseAsync),
        ["bb RegisterBezwaar postmark_date format"] = ("postmark_date", Jurist, (c, s) => c.BezwaarBeroep().RegisterBezwaarAsync(With(s, r => r.PostmarkDate = "5 februari"), c.As(Jurist)).ResponseAsync),
        ["bb GetBezwaar"] = ("bezwaar_id", Jurist, (c, s) => c.BezwaarBeroep().GetBezwaarAsync(new() { BezwaarId = "x" }, c.As(Jurist)).ResponseAsync),
        ["bb RecordBezwaarContact"] = ("contacted_on", Jurist, (c, s) => c.BezwaarBeroep().RecordBezwaarContactAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, ContactedOn = "2999-01-01" }, c.As(Jurist)).ResponseAsync),
        ["bb RecordBezwaarContact expected_version"] = ("expected_version", Jurist, (c, s) => c.BezwaarBeroep().RecordBezwaarContactAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ContactedOn = "2026-02-09" }, c.As(Jurist)).ResponseAsync),
        ["bb VerdaagBeslistermijn"] = ("weeks", Jurist, (c, s) => c.BezwaarBeroep().VerdaagBeslistermijnAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, Weeks = 7, AnnouncedOn = "2026-03-01" }, c.As(Jurist)).ResponseAsync),
        ["bb VerdaagBeslistermijn with consent"] = ("weeks", Jurist, (c, s) => c.BezwaarBeroep().VerdaagBeslistermijnAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, Weeks = 53, AnnouncedOn = "2026-03-01", ClientConsent = true }, c.As(Jurist)).ResponseAsync),
        ["bb StartHerstelVerzuim"] = ("requested_on", Jurist, (c, s) => c.BezwaarBeroep().StartHerstelVerzuimAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version }, c.As(Jurist)).ResponseAsync),
        ["bb EndHerstelVerzuim"] = ("repaired_on", Jurist, (c, s) => c.BezwaarBeroep().EndHerstelVerzuimAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, RepairedOn = "x" }, c.As(Jurist)).ResponseAsync),
        ["bb PlanHoorzitting"] = ("planned_on", Jurist, (c, s) => c.BezwaarBeroep().PlanHoorzittingAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, PlannedOn = "x" }, c.As(Jurist)).ResponseAsync),
        ["bb RecordHoorzitting"] = ("held_on", Jurist, (c, s) => c.BezwaarBeroep().RecordHoorzittingAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, HeldOn = "2026-03-02", WaivedReason = "en ook afgezien" }, c.As(Jurist)).ResponseAsync),
        ["bb DecideBezwaar"] = ("outcome", Jurist, (c, s) => c.BezwaarBeroep().DecideBezwaarAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, DecidedOn = "2026-03-02" }, c.As(Jurist)).ResponseAsync),
        ["bb DecideBezwaar kennelijk gegrond"] = ("kennelijk", Jurist, (c, s) => c.BezwaarBeroep().DecideBezwaarAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, Outcome = BezwaarOutcome.Gegrond, DecidedOn = "2026-03-02", Kennelijk = true }, c.As(Jurist)).ResponseAsync),
        ["bb RegisterBeroep"] = ("filed_on", Jurist, (c, s) => c.BezwaarBeroep().RegisterBeroepAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, FiledOn = "x" }, c.As(Jurist)).ResponseAsync),
        ["bb RecordIngebrekestelling"] = ("received_on", Jurist, (c, s) => c.BezwaarBeroep().RecordIngebrekestellingAsync(new() { BezwaarId = s.Bezwaar.BezwaarId, ExpectedVersion = s.Bezwaar.Version, ReceivedOn = "2999-01-01" }, c.As(Jurist)).ResponseAsync),
        ["bb GetDwangsomExposure"] = ("bezwaar_id", Jurist, (c, s) => c.BezwaarBeroep().GetDwangsomExposureAsync(new() { BezwaarId = "x" }, c.As(Jurist)).ResponseAsync),
        ["bb GetDwangsomExposureSummary"] = ("area_team", Manager, (c, s) => c.BezwaarBeroep().GetDwangsomExposureSummaryAsync(new() { AreaTeam = TooLong }, c.As(Manager)).ResponseAsync),
        ["bb ListBezwaarDeadlines"] = ("page_token", Jurist, (c, s) => c.BezwaarBeroep().ListBezwaarDeadlinesAsync(new() { PageToken = "x" }, c.As(Jurist)).ResponseAsync),
        ["bb LogContact"] = ("subject", Jurist, (c, s) => c.BezwaarBeroep().LogContactAsync(new() { ClientId = s.ClientId, Channel = ContactChannel.Letter }, c.As(Jurist)).ResponseAsync),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task NewDivisionMethod_WithInvalidField_IsInvalidArgumentNamingTheField_AndWritesNothing(string name)
    {
        var (field, _, call) = Cases[name];
        var seed = await SeedAsync();
        var flow = new DivisionFlow(platform);
        var before = await flow.WritesFor(seed.ClientId);

        var ex = await Fails(() => call(platform.Client, seed));

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument, ex.Status.Detail);
        ex.Trailers.GetValue(RpcErrors.FieldTrailer).ShouldBe(field);
        ex.Status.Detail.ShouldStartWith(field + ":");
        (await flow.WritesFor(seed.ClientId)).ShouldBe(before);
    }

    private static RegisterBezwaarRequest With(Seed s, Action<RegisterBezwaarRequest> change)
    {
        var request = BezwaarBeroepTests.Valid(s.ClientId);
        change(request);
        return request;
    }

    private Task<Seed> SeedAsync()
    {
        lock (SeedLock)
        {
            return _seed ??= CreateSeed(platform.Client);
        }
    }

    private static async Task<Seed> CreateSeed(PlatformClient c)
    {
        var clientId = await c.NewClientAsync(Arts, "Seed Bakker");
        var bezwaar = (await c.BezwaarBeroep().RegisterBezwaarAsync(BezwaarBeroepTests.Valid(clientId), c.As(Jurist))).Bezwaar;
        var traject = (await c.Werkbedrijf().StartTrajectAsync(new() { ClientId = clientId }, c.As(AdviseurWerk))).Traject;
        var aanvraag = (await c.Smz.RegisterHerkeuringsaanvraagAsync(new() { ClientId = clientId, ReceivedOn = "2026-11-02" }, c.As(Procesbegeleider))).Aanvraag;
        var uitkering = (await c.Uitkeren().GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.Ww, StartDate = "2026-01-01", MonthlyAmountCents = 100_000 }, c.As(Uitkeringsdeskundige))).Uitkering;
        var voorschot = (await c.Uitkeren().OfferVoorschotAsync(new() { ClientId = clientId, MonthlyAmountCents = 100_000, WiaAanvraagOn = "2026-10-01" }, c.As(Uitkeringsdeskundige))).Voorschot;
        return new Seed(clientId, bezwaar, traject, aanvraag, uitkering, voorschot);
    }
}
