using Microsoft.Playwright;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The handover as the area team does it in the browser: the SMZ procesbegeleider is refused a transfer without
/// nazorg, logs the nazorg call and transfers; the Werkbedrijf colleague accepts; the manager sees it counted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HandoverFlowTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";

    [Fact]
    public async Task Handover_RefusedWithoutNazorg_TransferredAfterNazorg_AcceptedByWerkbedrijf_CountedOnDashboard()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.NoordPostcode, "Medische aantekening voor de flow-test");

        var handoverUrl = await ProcesbegeleiderRequestsAndTransfersAsync(client);
        await WerkbedrijfAcceptsAsync(client, handoverUrl);
        await ManagerSeesTheHandoverCountedAsync();
    }

    private async Task<string> ProcesbegeleiderRequestsAndTransfersAsync(SeedData.SeededClient client)
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, $"procesbegeleider.{Team}");

        // Find the client on the team's worklist and open the picture with a purpose.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Werkvoorraad", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = client.Name, Exact = true }).First.ClickAsync();
        await page.GetByLabel("Doel van inzage").SelectOptionAsync("Overdracht tussen organisatieonderdelen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByTestId("klantreis-status")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Klantbeeld: {client.Name}" })).ToBeVisibleAsync();

        // Request the handover to Werkbedrijf.
        await page.GetByLabel("Naar organisatieonderdeel").SelectOptionAsync("DIVISION_WERKBEDRIJF");
        await page.GetByLabel("Reden van de overdracht").FillAsync("Re-integratie na de WIA-claimbeoordeling");
        await page.GetByLabel("Open vragen voor de ontvanger").FillAsync("Welke werkgevers in de regio passen bij de FML?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overdracht aanvragen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/#/overdrachten/*");
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("aangevraagd");

        // A transfer without nazorg is refused, with the reason in plain Dutch, next to the button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Overdragen", Exact = true }).ClickAsync();
        var refusal = page.GetByTestId("melding-verzenden").GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("de nazorg is niet gedaan");
        await Expect(refusal.Locator("[data-rule='nazorg-done']")).ToBeVisibleAsync();
        (await refusal.InnerTextAsync()).ShouldNotContain("Exception");
        await WebApp.CheckPageAsync(page, "05-overdracht-geweigerd-zonder-nazorg");

        // Log the nazorg call (reached, understood, knows the next steps), then transfer. Nothing is preselected.
        await Expect(page.GetByLabel("Cliënt bereikt")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("De cliënt weet wat er nu gebeurt")).ToBeDisabledAsync();
        await page.GetByLabel("Cliënt bereikt").CheckAsync();
        await page.GetByLabel("De cliënt begrijpt de uitkomst van de beoordeling").CheckAsync();
        await page.GetByLabel("De cliënt weet wat er nu gebeurt").CheckAsync();
        await page.GetByLabel("Extra behoeften van de cliënt").FillAsync("Wil graag een vaste contactpersoon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Belpoging vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-nazorg")).ToContainTextAsync("De belpoging is vastgelegd");
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("klaar voor overdracht");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Belpogingen" })).ToContainTextAsync("bereikt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overdragen", Exact = true }).ClickAsync();
        // The sender's controls are gone after the transfer, so the result is announced at the top of the page.
        await Expect(page.GetByTestId("overdracht-melding")).ToContainTextAsync("Het dossier is overgedragen");
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("overgedragen, wacht op acceptatie");
        await WebApp.CheckPageAsync(page, "06-overdracht-overgedragen");
        var url = page.Url;
        await page.Context.CloseAsync();
        return url;
    }

    private async Task WerkbedrijfAcceptsAsync(SeedData.SeededClient client, string handoverUrl)
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, $"adviseur-werk.{Team}");
        var open = page.GetByRole(AriaRole.Link, new() { Name = $"Overdracht openen: {client.Name}" });
        // Only handovers: the kind filter.
        await page.GetByLabel("Soort werk").SelectOptionAsync("handover");
        // The worklist is a projection of events: refresh until the transferred handover is on it.
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }), "/api/v1/klantbeeld/worklist");
            return await open.CountAsync();
        }, count => count > 0, what: "the handover on the Werkbedrijf worklist");
        var kinds = await page.Locator("table:has(caption:text-is('Werkvoorraad, dichtstbijzijnde deadline eerst')) tbody tr td:nth-child(2)").AllInnerTextsAsync();
        kinds.ShouldNotBeEmpty();
        kinds.ShouldAllBe(kind => kind == "Overdracht");
        await WebApp.CheckPageAsync(page, "07-werkvoorraad-werkbedrijf");
        await open.First.ClickAsync();
        page.Url.ShouldBe(handoverUrl);
        await Expect(page.GetByText("Welke werkgevers in de regio passen bij de FML?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("geaccepteerd");
        await WebApp.CheckPageAsync(page, "08-overdracht-geaccepteerd");
        await page.Context.CloseAsync();
    }

    private async Task ManagerSeesTheHandoverCountedAsync()
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, "manager");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard overdrachten" })).ToBeVisibleAsync();
        var smzToWerkbedrijf = page.Locator("table:has(caption:text-is('Overdrachten tussen organisatieonderdelen')) tbody tr")
            .Filter(new() { HasText = "SMZ" }).Filter(new() { HasText = "Werkbedrijf" });
        // KPIs follow the events: show the dashboard again until the accepted handover is counted.
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }), "/api/v1/handover-kpis/dashboard");
            return await smzToWerkbedrijf.CountAsync() > 0 ? await smzToWerkbedrijf.Locator("td").Last.InnerTextAsync() : "0";
        }, count => int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) >= 1, what: "the handover SMZ → Werkbedrijf on the dashboard");
        await Expect(page.GetByTestId("kpi-tegels")).ToContainTextAsync("Acceptatie p50");
        // The chart has a table alternative that sighted users can open too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon als tabel" }).First.ClickAsync();
        await Expect(smzToWerkbedrijf).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.chart canvas').length > 0");
        await WebApp.CheckPageAsync(page, "09-dashboard-manager");
        await page.Context.CloseAsync();
    }
}
