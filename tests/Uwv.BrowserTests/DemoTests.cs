using Microsoft.Playwright;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>The embedded run's demo, small: seeded through the APIs after start, it fills the worklists and the dashboard.</summary>
public sealed class DemoPlatformFixture : BrowserPlatformFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Demo:Enabled"] = "true";
        settings["Demo:InTestHost"] = "true";
        settings["Demo:Clients"] = "90";
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoPlatformFixture>
{
    public const string Name = "demo";
}

[Collection(DemoCollection.Name)]
public sealed class DemoTests(DemoPlatformFixture platform)
{
    [Fact]
    public async Task Demo_SeededThroughTheApis_FillsTheDashboard_AndTheWorklistPaginates()
    {
        var manager = await platform.NewPageAsync();
        await WebApp.LoginAsync(manager, "manager");
        var handovers = manager.Locator("[data-kpi='Overdrachten'] .kpi__value");
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(manager, manager.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }), "/api/v1/handover-kpis/dashboard");
            return int.Parse(await handovers.InnerTextAsync(), System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        }, count => count >= 20, TimeSpan.FromSeconds(60), "the demo's handovers on the dashboard");
        // The norm measures: from the demo's history of norm deadlines, every norm with figures, escalations among them.
        var normRows = manager.Locator("table:has(caption:text-is('Normen gehaald')) tbody tr");
        var bezwaarRows = manager.Locator("table:has(caption:text-is('Bezwaren op tijd beslist')) tbody tr");
        // The seeding's events reach the KPI projection over a while (slower on a busy machine): ask again until both show.
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(manager, manager.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }), "/api/v1/handover-kpis/dashboard");
            return (Norms: await normRows.CountAsync(), Bezwaren: await bezwaarRows.CountAsync());
        }, counts => counts.Norms >= 5 && counts.Bezwaren >= 1, TimeSpan.FromSeconds(90), "the demo's norm measures and decided bezwaren on the dashboard");
        await Expect(bezwaarRows.First).ToBeAttachedAsync();
        await Expect(manager.Locator("table:has(caption:text-is('Doorlooptijd van overdrachten')) tbody tr").First).ToBeAttachedAsync();
        int.Parse(await manager.Locator("[data-kpi='Escalaties alle normen'] .kpi__value").InnerTextAsync(), System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))
            .ShouldBeGreaterThan(0);
        await manager.WaitForFunctionAsync("() => document.querySelectorAll('.chart canvas').length >= 4");
        await WebApp.CheckPageAsync(manager, "14-dashboard-demo");

        var worker = await platform.NewPageAsync();
        await WebApp.LoginAsync(worker, "teamleider.arnhem-noord");
        // The demo keeps seeding in the background: refresh until the team's worklist runs over one page.
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(worker, worker.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }), "/api/v1/klantbeeld/worklist");
            return await worker.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina" }).IsEnabledAsync();
        }, enabled => enabled, TimeSpan.FromSeconds(90), "a second page on the demo team's worklist");
        await WebApp.CheckPageAsync(worker, "15-werkvoorraad-demo");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina" }).ClickAsync();
        await Expect(worker.GetByText("Pagina 2")).ToBeVisibleAsync();
        await Expect(worker.GetByRole(AriaRole.Button, new() { Name = "Vorige pagina" })).ToBeEnabledAsync();
    }
}
