using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>Uitkeren through the gateway: voorschot, calls and e-mail, settlement, samenloop, inkomsten, terugvordering.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class UitkerenTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);
    private UitkerenService.UitkerenServiceClient Api => _flow.Client.Uitkeren();
    private Metadata As(string user) => _flow.Client.As(user);

    [Fact]
    public async Task Voorschot_ThreeUnansweredCallsGiveAnEmail_ThenTheWgaSettlesIt()
    {
        var clientId = await _flow.NewClient();
        var v = (await Api.OfferVoorschotAsync(new() { ClientId = clientId, MonthlyAmountCents = 120_000, WiaAanvraagOn = "2026-06-01" }, As(Uitkeringsdeskundige))).Voorschot;
        v.Status.ShouldBe(VoorschotStatus.Aangeboden);
        var emails = new List<bool>();
        for (var call = 0; call < 3; call++)
        {
            var answer = await Api.RecordVoorschotBelpogingAsync(new() { VoorschotId = v.VoorschotId, ExpectedVersion = v.Version, Reached = false }, As(Uitkeringsdeskundige));
            emails.Add(answer.EmailSent);
            v = answer.Voorschot;
        }
        emails.ShouldBe([false, false, true]);
        v.EmailSentOn.ShouldNotBeEmpty();
        v = (await Api.StartVoorschotAsync(new() { VoorschotId = v.VoorschotId, ExpectedVersion = v.Version, StartDate = "2026-07-01" }, As(Uitkeringsdeskundige))).Voorschot;
        v.Status.ShouldBe(VoorschotStatus.Verstrekt);

        var granted = await Api.GrantUitkeringAsync(new()
        {
            ClientId = clientId, Type = UitkeringType.WiaWga, StartDate = "2026-06-15", MonthlyAmountCents = 100_000,
        }, As(Uitkeringsdeskundige));
        var settlement = granted.VoorschotSettlement;
        var today = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile().DateOf(DateTimeOffset.UtcNow);
        settlement.Months.ShouldBe(VerrekeningRules.WholeMonths(new DateOnly(2026, 7, 1), today));
        settlement.VoorschotPaidCents.ShouldBe(settlement.Months * 120_000L);
        settlement.TerugvorderingCents.ShouldBe(settlement.VoorschotPaidCents - settlement.UitkeringDueCents);
        settlement.TerugvorderingCents.ShouldBeGreaterThan(0);
        (await Api.GetVoorschotAsync(new() { VoorschotId = v.VoorschotId }, As(Uitkeringsdeskundige))).Voorschot.Status.ShouldBe(VoorschotStatus.Verrekend);

        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Terugvorderingen.Count == 1 && k.Voorschotten.Count == 1 && k.Voorschotten[0].Status == "verrekend",
            "the settled voorschot and its terugvordering");
        picture.Terugvorderingen[0].AmountCents.ShouldBe(settlement.TerugvorderingCents);
        picture.Terugvorderingen[0].Reason.ShouldContain("Voorschot WIA");
        picture.Uitkeringen.ShouldHaveSingleItem().Type.ShouldBe("WIA-WGA");
        picture.Contacts.Count(c => c.Channel == "telefoon" && !c.Reached).ShouldBe(3);
        picture.Contacts.ShouldContain(c => c.Channel == "e-mail");
        picture.Voorschotten[0].UnansweredCalls.ShouldBe(3);
    }

    [Fact]
    public async Task Samenloop_WwAndWga_AreShownTogether_ButNotTwoWiaUitkeringen()
    {
        var clientId = await _flow.NewClient();
        await Api.GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.Ww, StartDate = "2026-01-01", EndDate = "2027-12-31", MonthlyAmountCents = 90_000 }, As(Uitkeringsdeskundige));
        await Api.GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.WiaWga, StartDate = "2026-03-01", MonthlyAmountCents = 60_000 }, As(Uitkeringsdeskundige));
        var list = await Api.ListUitkeringenAsync(new() { ClientId = clientId, AsOf = "2026-06-01" }, As(Uitkeringsdeskundige));
        list.Current.Select(u => u.Type).ShouldBe([UitkeringType.Ww, UitkeringType.WiaWga]);
        list.CurrentMonthlyTotalCents.ShouldBe(150_000);
        (await Api.ListUitkeringenAsync(new() { ClientId = clientId, AsOf = "2026-02-01" }, As(Uitkeringsdeskundige))).Current.ShouldHaveSingleItem();

        var before = await _flow.WritesFor(clientId);
        var ex = await Fails(() => Api.GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.WiaIva, StartDate = "2026-09-01", MonthlyAmountCents = 150_000 }, As(Uitkeringsdeskundige)).ResponseAsync);
        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, "one-uitkering-per-wet"));
        (await _flow.WritesFor(clientId)).ShouldBe(before);

        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Uitkeringen.Count == 2, "the samenloop in the klantbeeld");
        picture.Uitkeringen.ShouldAllBe(u => u.Current);
    }

    [Fact]
    public async Task InkomstenSignaal_ForAPaidMonth_IsVerrekend_AndRecovered_Once()
    {
        var clientId = await _flow.NewClient();
        var ww = (await Api.GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.Ww, StartDate = "2026-01-01", MonthlyAmountCents = 150_000 }, As(Uitkeringsdeskundige))).Uitkering;
        var signal = new RecordInkomstenSignaalRequest { ClientId = clientId, Period = "2026-09", IncomeCents = 100_000 };
        var result = await Api.RecordInkomstenSignaalAsync(signal, As(Uitkeringsdeskundige));
        result.Verrekeningen.ShouldHaveSingleItem().DeductedCents.ShouldBe(70_000); // 70% of €1,000
        result.Verrekeningen[0].UitkeringId.ShouldBe(ww.UitkeringId);
        result.Terugvordering.AmountCents.ShouldBe(70_000);
        result.Terugvordering.Reason.ShouldContain("2026-09");

        var before = await _flow.WritesFor(clientId);
        (await Fails(() => Api.RecordInkomstenSignaalAsync(signal, As(Uitkeringsdeskundige)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.AlreadyExists);
        (await _flow.WritesFor(clientId)).ShouldBe(before);
        (await Api.ListTerugvorderingenAsync(new() { ClientId = clientId }, As(Uitkeringsdeskundige))).Terugvorderingen.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Voorschot_AfterTheWiaClaimbeoordelingWasDecided_IsRefused_AndWritesNothing()
    {
        var clientId = await _flow.NewClient();
        await _flow.Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580, FmlSummary = "Halve dagen", DecisionDate = "2026-11-02",
        }, As(Arts));
        var id = Guid.Parse(clientId);
        await Eventually.Until(() => platform.InScope<UitkerenDbContext, bool>(db => db.WiaClaimDecisions.AnyAsync(w => w.ClientId == id)), seen => seen,
            what: "Uitkeren learning of the decided claim");

        var before = await _flow.WritesFor(clientId);
        var ex = await Fails(() => Api.OfferVoorschotAsync(new() { ClientId = clientId, MonthlyAmountCents = 100_000, WiaAanvraagOn = "2026-09-01" }, As(Uitkeringsdeskundige)).ResponseAsync);
        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, "voorschot-while-wia-claim-pending"));
        (await _flow.WritesFor(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task OnlyAWiaClaimbeoordeling_IsPublishedAsWiaClaimDecided_InTheSameCommitAsItsBeoordelingRecorded()
    {
        var clientId = await _flow.NewClient();
        foreach (var type in new[] { BeoordelingType.Herbeoordeling, BeoordelingType.WiaClaimbeoordeling, BeoordelingType.Ziektewet })
        {
            await _flow.Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
            {
                ClientId = clientId, Type = type, AoKlasse = AoKlasse._3580, FmlSummary = "Halve dagen", DecisionDate = "2026-11-02",
            }, As(Arts));
        }

        var published = await platform.InScope<Uwv.Smz.Data.SmzDbContext, List<(string Type, DateTimeOffset At)>>(async db =>
            (await db.OutboxMessages.Where(m => m.Payload.Contains(clientId)
                    && (m.MessageType == "BeoordelingRecorded" || m.MessageType == "WiaClaimDecided"))
                .Select(m => new { m.MessageType, m.CreatedAt }).ToListAsync())
            .Select(m => (m.MessageType, m.CreatedAt)).ToList());
        published.Count(p => p.Type == "BeoordelingRecorded").ShouldBe(3);
        var decided = published.Where(p => p.Type == "WiaClaimDecided").ShouldHaveSingleItem();
        published.Count(p => p.At == decided.At).ShouldBe(2, "the decision and its BeoordelingRecorded commit together");
    }
}
