using System.Text.Json;
using Microsoft.Playwright;

namespace Uwv.BrowserTests;

/// <summary>What every browser test does with a page: log in, check accessibility with axe-core, take a screenshot.</summary>
public static class WebApp
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uwv.OneUwv.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Uwv.OneUwv.slnx) was not found above the test binaries");
    });

    /// <summary>Where the tests write a screenshot of each page (named in the README and docs/web.md).</summary>
    public static string ScreenshotFolder => Path.Combine(Root.Value, "artifacts", "screenshots");

    private static string AxeScript => Path.Combine(Root.Value, "tools", "node_modules", "axe-core", "axe.min.js");

    public static async Task LoginAsync(IPage page, string userName)
    {
        await page.GotoAsync("/#/inloggen");
        await page.Locator($"button[data-user='{userName}']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash !== '#/inloggen' && !!document.querySelector('#gebruiker button')");
    }

    /// <summary>Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now; fails on a violation of any impact level.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        File.Exists(AxeScript).ShouldBeTrue("axe-core comes from tools/node_modules (scripts/install-deps.sh runs npm ci there)");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, {
                resultTypes: ['violations'],
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              });
              return result.violations
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        list.ShouldBeEmpty($"axe-core found WCAG 2.1 A/AA violations on the page '{name}'");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>The page is settled (no call in flight), accessible, and photographed.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertAccessibleAsync(page, name);
        await ScreenshotAsync(page, name);
    }

    /// <summary>
    /// Clicks a button and waits until the API call it starts has answered and the page has rendered its newest
    /// answer (no region is aria-busy any more: an earlier, slower load can no longer replace what the test reads).
    /// </summary>
    public static async Task ClickAndWaitForApiAsync(IPage page, ILocator button, string pathPart)
    {
        var response = page.WaitForResponseAsync(r => r.Url.Contains(pathPart, StringComparison.Ordinal));
        await button.ClickAsync();
        await response;
        await WaitUntilSettledAsync(page);
    }

    /// <summary>Waits until no region of the page is loading (aria-busy="true").</summary>
    public static Task WaitUntilSettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.querySelector('[aria-busy=\"true\"]')");
}
