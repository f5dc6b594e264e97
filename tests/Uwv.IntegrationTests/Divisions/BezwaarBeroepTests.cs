using Grpc.Core;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>Bezwaar &amp; Beroep through the gateway: the Awb terms, horen, beslissing, beroep, dwangsom and its exposure.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class BezwaarBeroepTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);
    private BezwaarBeroepService.BezwaarBeroepServiceClient Api => _flow.Client.BezwaarBeroep();
    private Metadata As(string user) => _flow.Client.As(user);

    public static RegisterBezwaarRequest Valid(string clientId) => new()
    {
        ClientId = clientId,
        DecisionDivision = Division.Uitkeren,
        DecisionReference = "UIT-2026-0042",
        DecisionSentOn = "2026-01-12",
        ReceivedOn = "2026-02-05",
        Grounds = "De hoogte van de WGA-uitkering klopt niet",
    };

    [Fact]
    public async Task Bezwaar_FromRegistrationToBeroep_WithItsTermsInTheKlantbeeld()
    {
        var clientId = await _flow.NewClient();
        var b = (await Api.RegisterBezwaarAsync(Valid(clientId), As(Jurist))).Bezwaar;
        // Sent Mon 2026-01-12: bezwaartermijn to Mon 2026-02-23; + 6 weeks = Mon 2026-04-06, Tweede Paasdag -> Tue 2026-04-07.
        b.BezwaartermijnEndsOn.ShouldBe("2026-02-23");
        b.FiledOnTime.ShouldBeTrue();
        b.BeslistermijnEndsOn.ShouldBe("2026-04-07");
        b.ContactDueOn.ShouldBe("2026-02-12");
        b.Status.ShouldBe(BezwaarStatus.InBehandeling);

        b = (await Api.RecordBezwaarContactAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, ContactedOn = "2026-02-09" }, As(Jurist))).Bezwaar;
        b = (await Api.StartHerstelVerzuimAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, RequestedOn = "2026-02-10" }, As(Jurist))).Bezwaar;
        b.HerstelVerzuimPending.ShouldBeTrue();
        b.BeslistermijnEndsOn.ShouldBe("");
        b = (await Api.EndHerstelVerzuimAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, RepairedOn = "2026-02-20" }, As(Jurist))).Bezwaar;
        b.OpschortingDays.ShouldBe(9);
        b.BeslistermijnEndsOn.ShouldBe("2026-04-15"); // 2026-02-23 + 42 + 9
        b = (await Api.VerdaagBeslistermijnAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Weeks = 6, AnnouncedOn = "2026-04-01" }, As(Jurist))).Bezwaar;
        b.BeslistermijnEndsOn.ShouldBe("2026-05-27"); // 2026-02-23 + 42 + 42 + 9
        b = (await Api.PlanHoorzittingAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, PlannedOn = "2026-04-20" }, As(Jurist))).Bezwaar;
        b = (await Api.RecordHoorzittingAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, HeldOn = "2026-04-20" }, As(Jurist))).Bezwaar;
        b = (await Api.DecideBezwaarAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Outcome = BezwaarOutcome.Ongegrond, DecidedOn = "2026-05-20" }, As(Jurist))).Bezwaar;
        b.DecidedInTime.ShouldBeTrue();
        b = (await Api.RegisterBeroepAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, FiledOn = "2026-06-15" }, As(Jurist))).Bezwaar;
        b.Status.ShouldBe(BezwaarStatus.InBeroep);

        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Bezwaren.Count == 1 && k.Bezwaren[0].Status == "in-beroep", "the bezwaar in beroep");
        var shown = picture.Bezwaren[0];
        (shown.BeslistermijnEndsOn, shown.Outcome, shown.ContactedOn, shown.HoorzittingOn).ShouldBe(("2026-05-27", "ongegrond", "2026-02-09", "2026-04-20"));
        shown.DecisionDivision.ShouldBe(Division.Uitkeren);
        picture.Dossiers.ShouldContain(d => d.Division == Division.BezwaarBeroep);
    }

    [Fact]
    public async Task Dwangsom_AfterIngebrekestelling_IsExposedPerBezwaarAndInTotal()
    {
        var clientId = await _flow.NewClient();
        var b = (await Api.RegisterBezwaarAsync(Valid(clientId), As(Jurist))).Bezwaar;
        var early = await Fails(() => Api.RecordIngebrekestellingAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, ReceivedOn = "2026-04-07" }, As(Jurist)).ResponseAsync);
        (early.StatusCode, early.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, "beslistermijn-lapsed"));

        b = (await Api.RecordIngebrekestellingAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, ReceivedOn = "2026-05-01" }, As(Jurist))).Bezwaar;
        b.DwangsomFrom.ShouldBe("2026-05-19"); // received 1 May; two weeks end on 15 May, a gelijkgestelde dag, so on Monday 18 May

        var exposure = (await Api.GetDwangsomExposureAsync(new() { BezwaarId = b.BezwaarId }, As(Jurist))).Exposure;
        // Months ago: the 42 days have all run, €1,442.
        (exposure.Days, exposure.AccruedCents, exposure.StillPossibleCents, exposure.MaximumCents).ShouldBe((42, 144_200L, 0L, 144_200L));

        var summary = await Api.GetDwangsomExposureSummaryAsync(new(), As(Manager));
        var noord = summary.Teams.Single(t => t.AreaTeam == "arnhem-noord");
        noord.DwangsomRunning.ShouldBeGreaterThanOrEqualTo(1);
        noord.AccruedCents.ShouldBeGreaterThanOrEqualTo(144_200);
        summary.Total.AccruedCents.ShouldBe(summary.Teams.Sum(t => t.AccruedCents));
        summary.ToString().ShouldNotContain(clientId);

        var own = await Api.GetDwangsomExposureSummaryAsync(new(), As(Teamleider));
        own.Teams.ShouldAllBe(t => t.AreaTeam == "arnhem-noord");
        (await Fails(() => Api.GetDwangsomExposureSummaryAsync(new() { AreaTeam = "arnhem-zuid" }, As(Teamleider)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        // The jurist sees the own team's exposure (the Bezwaartermijnen page), not another team's.
        (await Api.GetDwangsomExposureSummaryAsync(new(), As(Jurist))).Teams.ShouldAllBe(t => t.AreaTeam == "arnhem-noord");
        (await Fails(() => Api.GetDwangsomExposureSummaryAsync(new() { AreaTeam = "arnhem-zuid" }, As(Jurist)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Fails(() => Api.GetDwangsomExposureSummaryAsync(new(), As("uitkeringsdeskundige.arnhem-noord")).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Bezwaar_GelijkgesteldeDag_Postmark_UitstelWithConsent_AndKennelijk_ThroughTheGateway()
    {
        var clientId = await _flow.NewClient();
        // Sent Thu 2026-04-02: the term ends Mon 18 May (Hemelvaartsdag, then the gelijkgestelde Friday, then the weekend).
        var onTime = Valid(clientId);
        (onTime.DecisionSentOn, onTime.ReceivedOn) = ("2026-04-02", "2026-05-18");
        var b = (await Api.RegisterBezwaarAsync(onTime, As(Jurist))).Bezwaar;
        (b.BezwaartermijnEndsOn, b.FiledOnTime, b.BeslistermijnEndsOn).ShouldBe(("2026-05-18", true, "2026-06-29"));

        // Awb 6:9 lid 2: posted on the last day (Mon 13 April), received a week later.
        var posted = Valid(clientId);
        (posted.DecisionSentOn, posted.ReceivedOn, posted.PostmarkDate) = ("2026-03-02", "2026-04-20", "2026-04-13");
        var p = (await Api.RegisterBezwaarAsync(posted, As(Jurist))).Bezwaar;
        (p.FiledOnTime, p.PostmarkDate).ShouldBe((true, "2026-04-13"));
        posted.PostmarkDate = "2026-04-21"; // after the receipt
        var badPostmark = await Fails(() => Api.RegisterBezwaarAsync(posted, As(Jurist)).ResponseAsync);
        (badPostmark.StatusCode, badPostmark.Status.Detail.Contains("postmark_date", StringComparison.Ordinal)).ShouldBe((StatusCode.InvalidArgument, true));

        // Awb 7:10 lid 3 once; lid 4 further uitstel with the client's consent is recorded, not refused.
        p = (await Api.VerdaagBeslistermijnAsync(new() { BezwaarId = p.BezwaarId, ExpectedVersion = p.Version, Weeks = 6, AnnouncedOn = "2026-05-01" }, As(Jurist))).Bezwaar;
        var second = await Fails(() => Api.VerdaagBeslistermijnAsync(new() { BezwaarId = p.BezwaarId, ExpectedVersion = p.Version, Weeks = 4, AnnouncedOn = "2026-06-01" }, As(Jurist)).ResponseAsync);
        (second.StatusCode, second.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, "verdaging-once"));
        p = (await Api.VerdaagBeslistermijnAsync(new() { BezwaarId = p.BezwaarId, ExpectedVersion = p.Version, Weeks = 4, AnnouncedOn = "2026-06-01", ClientConsent = true }, As(Jurist))).Bezwaar;
        (p.VerdagingWeeks, p.UitstelWeeks, p.BeslistermijnEndsOn).ShouldBe((6, 4, "2026-08-10")); // received 2026-04-20 + 42 + 42 + 28

        // Awb 4:17 lid 6: kennelijk only for niet-ontvankelijk or ongegrond; then no dwangsom, and no horen needed (7:3).
        b = (await Api.RecordIngebrekestellingAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, ReceivedOn = "2026-07-01" }, As(Jurist))).Bezwaar;
        var gegrond = await Fails(() => Api.DecideBezwaarAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Outcome = BezwaarOutcome.Gegrond, DecidedOn = "2026-09-01", Kennelijk = true }, As(Jurist)).ResponseAsync);
        (gegrond.StatusCode, gegrond.Status.Detail.Contains("kennelijk", StringComparison.Ordinal)).ShouldBe((StatusCode.InvalidArgument, true));
        b = (await Api.DecideBezwaarAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Outcome = BezwaarOutcome.Ongegrond, DecidedOn = "2026-09-01", Kennelijk = true }, As(Jurist))).Bezwaar;
        b.Kennelijk.ShouldBeTrue();
        var exposure = (await Api.GetDwangsomExposureAsync(new() { BezwaarId = b.BezwaarId }, As(Jurist))).Exposure;
        (exposure.Days, exposure.AccruedCents, exposure.StillPossibleCents).ShouldBe((0, 0L, 0L));
    }

    [Fact]
    public async Task BezwaarDeadlines_AreListedForTheTeam_EarliestFirst_InPages()
    {
        var clientId = await _flow.NewClient();
        var later = Valid(clientId);
        later.DecisionSentOn = "2026-10-01";
        later.ReceivedOn = "2026-10-20";
        await Api.RegisterBezwaarAsync(later, As(Jurist));
        await Api.RegisterBezwaarAsync(Valid(clientId), As(Jurist));

        var all = new List<Bezwaar>();
        var token = "";
        do
        {
            var page = await Api.ListBezwaarDeadlinesAsync(new() { PageSize = 2, PageToken = token }, As(Jurist));
            page.Bezwaren.Count.ShouldBeLessThanOrEqualTo(2);
            all.AddRange(page.Bezwaren);
            token = page.NextPageToken;
        }
        while (token != "");
        all.ShouldAllBe(b => b.AreaTeam == "arnhem-noord");
        var dated = all.Where(b => b.BeslistermijnEndsOn != "").Select(b => b.BeslistermijnEndsOn).ToList();
        dated.ShouldBe(dated.Order(StringComparer.Ordinal).ToList());
        (await Api.ListBezwaarDeadlinesAsync(new(), As(JuristZuid))).Bezwaren.ShouldNotContain(b => b.ClientId == clientId);
    }

    [Fact]
    public async Task DecideOnTheMerits_WithoutHoren_IsRefused_AndWritesNothing()
    {
        var clientId = await _flow.NewClient();
        var b = (await Api.RegisterBezwaarAsync(Valid(clientId), As(Jurist))).Bezwaar;
        var before = await _flow.WritesFor(clientId);
        var ex = await Fails(() => Api.DecideBezwaarAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Outcome = BezwaarOutcome.Gegrond, DecidedOn = "2026-03-01" }, As(Jurist)).ResponseAsync);
        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, "horen-is-de-norm"));
        (await _flow.WritesFor(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task Bezwaar_ChangedWithAStaleVersion_IsAborted_AndWritesNothing()
    {
        var clientId = await _flow.NewClient();
        var b = (await Api.RegisterBezwaarAsync(Valid(clientId), As(Jurist))).Bezwaar;
        await Api.PlanHoorzittingAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, PlannedOn = "2026-03-10" }, As(Jurist));
        var before = await _flow.WritesFor(clientId);
        var ex = await Fails(() => Api.RecordBezwaarContactAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, ContactedOn = "2026-02-09" }, As(Jurist)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.Aborted);
        (await _flow.WritesFor(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task Bezwaar_OfAnotherTeamsClient_IsPermissionDenied_AndWritesNothing()
    {
        var clientId = await _flow.NewClient();
        var request = Valid(clientId);
        var before = await _flow.WritesFor(clientId);
        (await Fails(() => Api.RegisterBezwaarAsync(request, As(JuristZuid)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Fails(() => Api.RegisterBezwaarAsync(request, As(AdviseurWerk)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await _flow.WritesFor(clientId)).ShouldBe(before);
    }
}
