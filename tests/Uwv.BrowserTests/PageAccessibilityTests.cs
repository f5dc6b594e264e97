using Microsoft.Playwright;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// Every page of the workplace, as the role that uses it: no serious or critical axe-core violation, and a screenshot.
/// (The handover pages and the dashboard are checked in <see cref="HandoverFlowTests"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAccessibilityTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-zuid";

    [Fact]
    public async Task LoginPage_IsAccessible_InDutch_WithASkipLink()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("nl");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).ShouldBe("Direct naar de inhoud");
        await WebApp.CheckPageAsync(page, "01-inloggen");
    }

    [Fact]
    public async Task WorklistAndClientPicture_AreAccessible_AndTheLookIsAuditedWithItsPurpose()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.ZuidPostcode, "Aantekening voor de toegankelijkheidstest");
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, $"procesbegeleider.{Team}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = client.Name, Exact = true }).First).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "02-werkvoorraad");

        await page.GetByRole(AriaRole.Link, new() { Name = client.Name, Exact = true }).First.ClickAsync();
        await page.GetByLabel("Doel van inzage").SelectOptionAsync("Contact met de cliënt");
        await page.GetByLabel("Toelichting (niet verplicht)").FillAsync("cliënt belt over de uitslag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beoordelingen (uitkomst)" })).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "03-klantbeeld");

        var privacy = await platform.NewPageAsync();
        await WebApp.LoginAsync(privacy, "privacy-officer");
        await privacy.GetByLabel("Cliëntnummer").FillAsync(client.ClientId);
        var purpose = privacy.GetByRole(AriaRole.Cell, new() { Name = "Contact met de cliënt: cliënt belt over de uitslag" });
        // The audit log is written as the look happens; search again until the entry is there.
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(privacy, privacy.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }), "/api/v1/audit");
            return await purpose.CountAsync();
        }, count => count > 0, what: "the look with its purpose in the audit log");
        // Actions, data and outcomes in Dutch words; the action filter lists them by their Dutch names.
        await Expect(privacy.GetByRole(AriaRole.Cell, new() { Name = "Klantbeeld: Klantbeeld ingezien", Exact = true }).First).ToBeVisibleAsync();
        await Expect(privacy.GetByRole(AriaRole.Cell, new() { Name = "Toegestaan", Exact = true }).First).ToBeVisibleAsync();
        await privacy.GetByLabel("Handeling").SelectOptionAsync(new SelectOptionValue { Label = "Cliënt ingeschreven" });
        await WebApp.ClickAndWaitForApiAsync(privacy, privacy.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }), "/api/v1/audit");
        await Expect(privacy.GetByRole(AriaRole.Cell, new() { Name = "Klantbeeld: Cliënt ingeschreven", Exact = true })).ToHaveCountAsync(1);
        await Expect(privacy.GetByRole(AriaRole.Cell, new() { Name = "Klantbeeld: Klantbeeld ingezien", Exact = true })).ToHaveCountAsync(0);
        await WebApp.CheckPageAsync(privacy, "12-auditlog");
    }

    [Fact]
    public async Task ClientRegistration_ShowsApiErrorsInPlainDutch_ThenRegisters()
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, $"uitkeringsdeskundige.{Team}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cliënt registreren" }).ClickAsync();
        await page.GetByLabel("BSN").FillAsync("123456789");
        await page.GetByLabel("Naam").FillAsync("Anna de Vries");
        await page.GetByLabel("Geboortedatum").FillAsync("1985-06-15");
        await page.GetByLabel("Postcode").FillAsync(TestData.ZuidPostcode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt registreren" }).ClickAsync();
        var error = page.GetByRole(AriaRole.Alert);
        await Expect(error).ToHaveTextAsync("Controleer het BSN: die is niet ingevuld of niet juist.");
        await WebApp.CheckPageAsync(page, "04-client-registreren-foutmelding");

        await page.GetByLabel("BSN").FillAsync(TestData.NewBsn());
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt registreren" }).ClickAsync();
        await Expect(page.GetByText("De cliënt is geregistreerd bij gebiedsteam arnhem-zuid.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CallbacksAndBezwaarDeadlines_AreAccessible()
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, $"teamleider.{Team}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terugbelverzoeken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sociaal Medische Zaken (SMZ)" })).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "10-terugbelverzoeken");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bezwaartermijnen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dwangsomrisico" })).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "11-bezwaartermijnen");
        await page.Context.CloseAsync();

        // The jurist sees the team's dwangsom figures too, not a refusal.
        var jurist = await platform.NewPageAsync();
        await WebApp.LoginAsync(jurist, $"jurist.{Team}");
        await jurist.GetByRole(AriaRole.Link, new() { Name = "Bezwaartermijnen" }).ClickAsync();
        var block = jurist.Locator("section[aria-labelledby=kop-dwangsom]");
        await Expect(block.GetByText("Dwangsom loopt")).ToBeVisibleAsync();
        await Expect(block).Not.ToContainTextAsync("geen toegang");
        await WebApp.CheckPageAsync(jurist, "11b-bezwaartermijnen-jurist");
        await jurist.Context.CloseAsync();
    }

    [Fact]
    public async Task PageOutsideTheRole_ShowsNoAccess_InsteadOfData()
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, $"adviseur-werk.{Team}");
        await page.GotoAsync("/#/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "13-geen-toegang");
    }
}
