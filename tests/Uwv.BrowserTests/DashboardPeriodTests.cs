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
        // 23:30 UTC is 00:30 (winter) or 01:30 (summer) of the next day in Amsterdam.
        var utcDay = DateTime.UtcNow.Date;
        var page = await platform.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(utcDay.AddHours(23).AddMinutes(30));
        await WebApp.LoginAsync(page, "manager");

        await Expect(page.GetByLabel("Tot en met", new() { Exact = true })).ToHaveValueAsync(utcDay.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Van", new() { Exact = true })).ToHaveValueAsync(utcDay.AddDays(-28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
