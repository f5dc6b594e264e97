using Microsoft.Playwright;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The main handover flow with the keyboard only: log in, open the handover, record the reached nazorg call and
/// transfer, with Tab, arrow keys, Space and Enter (no mouse click, no direct focus). Each control is reached by
/// tabbing from the one before, so a control that cannot be reached by Tab fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardOnlyHandoverTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-zuid";
    private const string Procesbegeleider = $"procesbegeleider.{Team}";
    private const int MaxTabs = 120;

    [Fact]
    public async Task MainHandoverFlow_CanBeDoneWithTheKeyboardOnly()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.ZuidPostcode, "Aantekening toetsenbord");
        var handoverId = (await platform.Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, DossierId = client.DossierId,
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Re-integratie na de beoordeling",
        }, platform.Client.As(Procesbegeleider))).Handover.HandoverId;

        var page = await platform.NewPageAsync();
        await page.GotoAsync("/#/inloggen");
        await TabToAsync(page, Procesbegeleider);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !!document.querySelector('#gebruiker button')");

        // The handover is opened by its address, as from a link in an e-mail or the worklist.
        await page.GotoAsync($"/#/overdrachten/{handoverId}");
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("aangevraagd");

        // Into the outcome group; the arrow keys choose within it (nothing is preselected).
        await TabToAsync(page, "Niet bereikt", "Cliënt bereikt");
        while (!await page.EvaluateAsync<bool>("() => document.querySelector('input[name=outcome][value=reached]').checked"))
        {
            await page.Keyboard.PressAsync("ArrowUp");
        }
        await TabToAsync(page, "De cliënt begrijpt de uitkomst van de beoordeling");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "De cliënt weet wat er nu gebeurt");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "Belpoging vastleggen");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("melding-nazorg")).ToContainTextAsync("vastgelegd");

        await TabToAsync(page, "Overdragen");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("overgedragen, wacht op acceptatie");
        await WebApp.CheckPageAsync(page, "kb-01-overgedragen-met-toetsenbord");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused control is named one of <paramref name="names"/> (its label or its text; a login button by its user).</summary>
    private static async Task TabToAsync(IPage page, params string[] names)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var name = await page.EvaluateAsync<string>("""
                () => {
                  const el = document.activeElement;
                  if (!el) return '';
                  if (el.dataset && el.dataset.user) return el.dataset.user;
                  const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
                  return (label || el.getAttribute('aria-label') || el.textContent || '').trim();
                }
                """);
            if (names.Contains(name))
            {
                return;
            }
        }
        throw new ShouldAssertException($"'{string.Join("' or '", names)}' was not reached with {MaxTabs} presses of Tab");
    }
}
