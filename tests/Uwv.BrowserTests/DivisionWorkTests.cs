using Microsoft.Playwright;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The divisions' own work that starts from the klantbeeld: the uitkeringsdeskundige grants an uitkering (an amount in
/// Dutch notation), the adviseur-werk starts a re-integratietraject; each shows in the picture afterwards, and a refused
/// form says why next to itself and keeps what was typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DivisionWorkTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";

    private async Task<IPage> OpenPictureAsync(string user, string purposeLabel)
    {
        var name = $"Cliënt {Guid.NewGuid().ToString("N")[..6]}";
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(), Bsn = TestData.NewBsn(), Name = name, DateOfBirth = "1977-09-09", Postcode = TestData.NoordPostcode,
        }, platform.Client.As(user));
        await Eventually.Until(
            () => platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "dossierbehandeling" },
                platform.Client.As(user)).ResponseAsync,
            r => r.Klantbeeld.Name == name, what: "the new client's picture");
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, user);
        await page.GotoAsync($"/#/clienten/{registered.ClientId}");
        await page.GetByLabel("Doel van inzage").SelectOptionAsync(new SelectOptionValue { Label = purposeLabel });
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Klantbeeld: {name}" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Uitkeringsdeskundige_GrantsAnUitkering_AndSeesItInThePicture()
    {
        var page = await OpenPictureAsync($"uitkeringsdeskundige.{Team}", "Behandeling van het dossier");
        var form = page.Locator("form[aria-labelledby=kop-uitkering]");
        await form.GetByLabel("Soort uitkering").SelectOptionAsync(new SelectOptionValue { Label = "WW" });
        var amount = form.GetByLabel("Bedrag per maand");
        await amount.FillAsync("geen bedrag");
        await form.GetByRole(AriaRole.Button, new() { Name = "Uitkering toekennen" }).ClickAsync();
        await Expect(page.Locator("section[aria-labelledby=kop-uitkering] .alert--error")).ToBeVisibleAsync();
        await Expect(amount).ToHaveValueAsync("geen bedrag");

        await amount.FillAsync("1.250,50");
        await form.GetByRole(AriaRole.Button, new() { Name = "Uitkering toekennen" }).ClickAsync();
        await Expect(page.Locator("section[aria-labelledby=kop-uitkering]")).ToContainTextAsync("De uitkering is toegekend");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uitkeringen" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("section[aria-labelledby=kop-uitkeringen]")).ToContainTextAsync("1.250,50");
        await WebApp.CheckPageAsync(page, "div-01-uitkering-toegekend");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdviseurWerk_StartsATraject_AndSeesItInThePicture()
    {
        var page = await OpenPictureAsync($"adviseur-werk.{Team}", "Behandeling van het dossier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Traject starten" }).ClickAsync();
        await Expect(page.Locator("section[aria-labelledby=kop-traject]")).ToContainTextAsync("Het re-integratietraject is gestart");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Re-integratietrajecten" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await WebApp.CheckPageAsync(page, "div-02-traject-gestart");
        await page.Context.CloseAsync();
    }
}
