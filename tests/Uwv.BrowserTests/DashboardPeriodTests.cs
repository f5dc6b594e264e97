using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The platform counts days in Amsterdam time. Between midnight in Amsterdam and midnight UTC the dashboard's default
/// period must already end on the new Amsterdam day, or the handovers of the night are missing from it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPeriodTests(BrowserPlatformFixture platform)
{
    [Fact]
    public async Task Dashboard_JustAfterMidnightInAmsterdam_EndsItsDefaultPeriodOnTheAmsterdamDay()
    {
        // 23:30 UTC is 00:30 (winter) or 01:30 (summer) of the next day in Amsterdam. The latest such moment that has
        // passed, so that the login's token (valid from now on) is not yet expired in the page's clock.
        var at = DateTime.UtcNow.Date.AddHours(23).AddMinutes(30);
        at = at > DateTime.UtcNow ? at.AddDays(-1) : at;
        var utcDay = at.Date;
        var page = await platform.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(at);
        await WebApp.LoginAsync(page, "manager");

        await Expect(page.GetByLabel("Tot en met", new() { Exact = true })).ToHaveValueAsync(utcDay.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Van", new() { Exact = true })).ToHaveValueAsync(utcDay.AddDays(-28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
