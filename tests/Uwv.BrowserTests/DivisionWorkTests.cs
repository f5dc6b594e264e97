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

    private async Task<IPage> OpenPictureAsync(string user, string purposeLabel) =>
        (await ClientPicture.OpenNewAsync(platform, user, purposeLabel)).Page;

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
