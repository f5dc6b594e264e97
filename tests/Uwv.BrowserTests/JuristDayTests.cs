using Microsoft.Playwright;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The jurist's day: a bezwaar registered from the klantbeeld, then on its own page the first contact, the horen, a
/// refusal shown next to its form (beroep before the beslissing is not offered, a second contact is refused by the
/// rule), and the beslissing; the Bezwaartermijnen list links to the bezwaar.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JuristDayTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";
    private const string Jurist = $"jurist.{Team}";

    [Fact]
    public async Task Jurist_RegistersABezwaar_RecordsContactAndHoren_AndDecides()
    {
        var name = $"Cliënt {Guid.NewGuid().ToString("N")[..6]}";
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(), Bsn = TestData.NewBsn(), Name = name, DateOfBirth = "1981-02-03", Postcode = TestData.NoordPostcode,
        }, platform.Client.As(Jurist));
        await Eventually.Until(
            () => platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "bezwaar" },
                platform.Client.As(Jurist)).ResponseAsync,
            r => r.Klantbeeld.Name == name, what: "the new client's picture");

        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, Jurist);
        await page.GotoAsync($"/#/clienten/{registered.ClientId}");
        await page.GetByLabel("Doel van inzage").SelectOptionAsync("Bezwaar of beroep behandelen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        var today = TestData.DutchToday;
        await page.GetByLabel("Tegen een besluit van").SelectOptionAsync(new SelectOptionValue { Label = "Uitkeren" });
        await page.GetByLabel("Kenmerk van het besluit").FillAsync("UIT-2026-0042");
        await page.GetByLabel("Besluit verzonden op").FillAsync(today.AddDays(-14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Gronden", new() { Exact = true }).FillAsync("Inkomsten verkeerd verrekend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bezwaar registreren" }).ClickAsync();

        await Expect(page.GetByTestId("bezwaar-stand")).ToContainTextAsync("in behandeling");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("UIT-2026-0042");
        await WebApp.CheckPageAsync(page, "ju-01-bezwaar-geregistreerd");

        await page.GetByRole(AriaRole.Button, new() { Name = "Contact vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-bezwaar")).ToContainTextAsync("Het contact is vastgelegd");
        await Expect(page.GetByText("gedaan op")).ToBeVisibleAsync();

        // Deciding on the merits before horen is refused, next to the form, and the form keeps its choice.
        var outcome = page.GetByLabel("Uitkomst");
        await outcome.SelectOptionAsync("BEZWAAR_OUTCOME_GEGROND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beslissing vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-beslissing").Locator("[data-rule='horen-is-de-norm']")).ToBeVisibleAsync();
        await Expect(outcome).ToHaveValueAsync("BEZWAAR_OUTCOME_GEGROND");

        await page.GetByLabel("Gehoord op").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Horen vastleggen" }).ClickAsync();
        await Expect(page.GetByText("gehouden op")).ToBeVisibleAsync();
        await page.GetByLabel("Uitkomst").SelectOptionAsync("BEZWAAR_OUTCOME_GEGROND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beslissing vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("bezwaar-stand")).ToContainTextAsync("beslist, gegrond");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Beroep registreren" })).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "ju-02-bezwaar-beslist");
        await page.Context.CloseAsync();
    }
}
