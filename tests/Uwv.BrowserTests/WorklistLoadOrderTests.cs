using Microsoft.Playwright;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// A page shows the answer to the newest request, whatever order the answers arrive in: the worklist's first load
/// (filtered on the employee's own division) answering after a newer filter must not replace the newer list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistLoadOrderTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-centrum";

    [Fact]
    public async Task Worklist_WhenTheFirstLoadAnswersLast_ShowsTheNewerFilter()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.CentrumPostcode, "geen");
        var page = await platform.NewPageAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var staleAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/v1/klantbeeld/worklist**", async route =>
        {
            if (route.Request.Url.Contains("division=DIVISION_WERKBEDRIJF", StringComparison.Ordinal) && !release.Task.IsCompleted)
            {
                await release.Task;
            }
            await route.ContinueAsync();
        });
        page.RequestFinished += (_, request) =>
        {
            if (request.Url.Contains("division=DIVISION_WERKBEDRIJF", StringComparison.Ordinal))
            {
                staleAnswered.TrySetResult();
            }
        };

        // The adviseur werk's worklist opens filtered on Werkbedrijf; that first load is held back.
        await WebApp.LoginAsync(page, $"adviseur-werk.{Team}");
        await page.GetByLabel("Organisatieonderdeel").SelectOptionAsync("");
        var newer = page.WaitForResponseAsync(r => r.Url.Contains("/api/v1/klantbeeld/worklist", StringComparison.Ordinal)
            && !r.Url.Contains("division=DIVISION_WERKBEDRIJF", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }).ClickAsync();
        await newer;
        var smzClient = page.GetByRole(AriaRole.Link, new() { Name = client.Name, Exact = true }).First;
        await Expect(smzClient).ToBeVisibleAsync();

        // Now the stale, Werkbedrijf-only answer arrives; the SMZ client stays on the screen.
        release.SetResult();
        await staleAnswered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 200))");
        await Expect(smzClient).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-busy='true']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
