using Microsoft.Playwright;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The teamleider's day: the escalations page lists the team's dossier that went back and forth twice, the handover
/// shows its history (who returned it and why, the ping-pong, the escalation), and the casusoverleg's outcome is
/// recorded there, after which the case no longer waits on the escalations page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamleiderDayTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-centrum";
    private const string Procesbegeleider = $"procesbegeleider.{Team}";
    private const string AdviseurWerk = $"adviseur-werk.{Team}";
    private const string Teamleider = $"teamleider.{Team}";

    [Fact]
    public async Task Teamleider_FindsTheCasusoverlegCase_ReadsWhyInTheHistory_AndRecordsTheOutcome()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.CentrumPostcode, "Aantekening casusoverleg");
        var handoverId = await SecondPingPongAsync(client);

        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, Teamleider);
        await page.GetByRole(AriaRole.Link, new() { Name = "Escalaties en casusoverleg" }).ClickAsync();
        var waiting = page.GetByRole(AriaRole.Region, new() { Name = "Dossiers voor het casusoverleg" });
        var row = waiting.Locator($"a[href='#/overdrachten/{handoverId}']");
        await Expect(row).ToHaveCountAsync(1);
        await WebApp.CheckPageAsync(page, "tl-01-escalaties-en-casusoverleg");

        await row.ClickAsync();
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("geëscaleerd");
        var history = page.GetByRole(AriaRole.Region, new() { Name = "Geschiedenis van de overdracht" });
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Teruggestuurd" }))
            .ToContainTextAsync($"{AdviseurWerk}Verkeerd organisatieonderdeel — Eerst een herbeoordeling");
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Geëscaleerd" }))
            .ToContainTextAsync("naar de teamleider: tweede pingpong: casusoverleg");
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pingpong: het dossier kwam terug" })).ToHaveCountAsync(2);

        await page.GetByLabel("Wat is er in het casusoverleg afgesproken?").FillAsync("Werkbedrijf houdt het dossier; de arbeidsdeskundige sluit aan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitkomst vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-casusoverleg")).ToContainTextAsync("vastgelegd");
        await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Uitkomst casusoverleg" }))
            .ToContainTextAsync("Werkbedrijf houdt het dossier");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitkomst vastleggen" })).ToHaveCountAsync(0);
        await WebApp.CheckPageAsync(page, "tl-02-casusoverleg-vastgelegd");

        await page.GetByRole(AriaRole.Link, new() { Name = "Escalaties en casusoverleg" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geëscaleerde overdrachten" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Geëscaleerde overdrachten" }).Locator($"a[href='#/overdrachten/{handoverId}']"))
            .ToHaveCountAsync(1);
        await Expect(page.Locator($"section[aria-labelledby=kop-casus] a[href='#/overdrachten/{handoverId}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EscalationsPage_IsTheTeamleiders_OthersSeeNoAccess()
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, Procesbegeleider);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Escalaties en casusoverleg" })).ToHaveCountAsync(0);
        await page.GotoAsync("/#/escalaties");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>SMZ → Werkbedrijf, returned, transferred again: the lineage's second ping-pong, so it goes to casusoverleg.</summary>
    private async Task<string> SecondPingPongAsync(SeedData.SeededClient client)
    {
        var api = platform.Client.Handover;
        var sender = platform.Client.As(Procesbegeleider);
        var handover = (await api.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, DossierId = client.DossierId,
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Re-integratie na de beoordeling",
        }, sender)).Handover;
        await api.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, Outcome = NazorgOutcome.Reached, UnderstandsOutcome = true, KnowsNextSteps = true,
        }, sender);
        await api.TransferHandoverAsync(new TransferHandoverRequest { RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId }, sender);
        await api.ReturnHandoverAsync(new ReturnHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, ReasonCategory = ReturnReason.WrongDivision, Reason = "Eerst een herbeoordeling",
        }, platform.Client.As(AdviseurWerk));
        var again = (await api.TransferHandoverAsync(new TransferHandoverRequest { RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId }, sender)).Handover;
        again.Casusoverleg.ShouldBeTrue();
        return handover.HandoverId;
    }
}
