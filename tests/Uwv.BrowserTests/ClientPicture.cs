using Microsoft.Playwright;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>A new client of the team, prepared through the API, and their klantbeeld opened in the browser for a purpose.</summary>
public static class ClientPicture
{
    public static async Task<(IPage Page, string ClientId)> OpenNewAsync(
        BrowserPlatformFixture platform, string user, string purposeLabel, Func<string, Task>? prepare = null)
    {
        var name = $"Cliënt {Guid.NewGuid().ToString("N")[..6]}";
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(), Bsn = TestData.NewBsn(), Name = name, DateOfBirth = "1972-04-04", Postcode = TestData.NoordPostcode,
        }, platform.Client.As(user));
        if (prepare is not null)
        {
            await prepare(registered.ClientId);
        }
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, user);
        await page.GotoAsync($"/#/clienten/{registered.ClientId}");
        await page.GetByLabel("Doel van inzage").SelectOptionAsync(new SelectOptionValue { Label = purposeLabel });
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Klantbeeld: {name}" })).ToBeVisibleAsync();
        return (page, registered.ClientId);
    }
}
