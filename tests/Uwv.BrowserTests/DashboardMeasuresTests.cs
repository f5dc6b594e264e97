using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The manager's measures on the dashboard: lead time per division pair, norms met, bezwaren decided in time and the
/// escalations of every norm, each with a table whose rows add up to its totals and to the tile above it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardMeasuresTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task Measures_ShowOnTheDashboard_AndEachTileRecomputesFromItsTable()
    {
        await AcceptedHandoverAsync();
        await PublishNormsAsync();
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, "manager");
        var callbackRows = Rows(page, "Normen gehaald").Filter(new() { HasText = "Terugbelverzoek" });
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }), "/api/v1/handover-kpis/dashboard");
            return (await callbackRows.CountAsync(), await Rows(page, "Doorlooptijd van overdrachten").CountAsync(),
                await Rows(page, "Bezwaren op tijd beslist").CountAsync());
        }, counts => counts.Item1 > 0 && counts.Item2 > 0 && counts.Item3 > 0, TimeSpan.FromSeconds(60), "the measures on the dashboard");

        // Terugbelverzoek: met / (met + late + not reached) over the table's rows is the tile.
        var (met, counted) = (0, 0);
        foreach (var row in await Cells(callbackRows))
        {
            met += Int(row[3]);
            counted += Int(row[3]) + Int(row[4]) + Int(row[5]);
        }
        counted.ShouldBeGreaterThan(0);
        Percent(await Tile(page, "Terugbelverzoek binnen norm")).ShouldBe(100.0 * met / counted, 0.05);

        // Bezwaar medisch: decided in time over the table's medical rows is the tile; the norm 95,8% is shown.
        var medisch = (await Cells(Rows(page, "Bezwaren op tijd beslist"))).Where(r => r[0] == "medisch").ToList();
        var (inTime, decided) = (medisch.Sum(r => Int(r[2])), medisch.Sum(r => Int(r[2]) + Int(r[3])));
        Percent(await Tile(page, "Bezwaar medisch op tijd beslist")).ShouldBe(100.0 * inTime / decided, 0.05);
        await Expect(page.Locator("[data-kpi='Bezwaar medisch op tijd beslist']")).ToContainTextAsync("norm 95,8%");

        // Escalations: every row reconciles (fired = resolved + open); the rows add up to the tiles and the totals row.
        var escalations = await Cells(Rows(page, "Escalaties per norm"));
        escalations.ShouldAllBe(r => Int(r[2]) == Int(r[3]) + Int(r[4]));
        Int(await Tile(page, "Escalaties alle normen")).ShouldBe(escalations.Sum(r => Int(r[2])));
        Int(await Tile(page, "Escalaties")).ShouldBe(escalations.Where(r => r[0] == "Acceptatie overdracht").Sum(r => Int(r[2])));
        (await Totals(page, "Escalaties per norm"))[2].ShouldBe(escalations.Sum(r => Int(r[2])).ToString("N0", Dutch));

        // Lead time: the per-team rows add up to the total's accepted handovers; the chart is drawn.
        var leadTimes = await Cells(Rows(page, "Doorlooptijd van overdrachten"));
        leadTimes.ShouldContain(r => r[1] == "SMZ" && r[2] == "Werkbedrijf" && Int(r[3]) >= 1);
        Int((await Totals(page, "Doorlooptijd van overdrachten"))[3]).ShouldBe(leadTimes.Where(r => r[0] != "alle gebiedsteams").Sum(r => Int(r[3])));
        await Expect(page.Locator("[data-kpi='Doorlooptijd p85'] .kpi__value")).ToContainTextAsync("uur");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.chart canvas').length >= 8");
        await WebApp.CheckPageAsync(page, "16-dashboard-normen");
        await page.Context.CloseAsync();
    }

    private static ILocator Rows(IPage page, string caption) => page.Locator($"table:has(caption:text-is('{caption}')) tbody tr");

    private static async Task<List<string[]>> Cells(ILocator rows)
    {
        var all = new List<string[]>();
        foreach (var row in await rows.AllAsync())
        {
            all.Add([.. (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim())]);
        }
        return all;
    }

    private static async Task<string[]> Totals(IPage page, string caption) =>
        [.. (await page.Locator($"table:has(caption:text-is('{caption}')) tfoot tr").Locator("th, td").AllTextContentsAsync()).Select(t => t.Trim())];

    private static async Task<string> Tile(IPage page, string label) =>
        (await page.Locator($"[data-kpi='{label}'] .kpi__value").TextContentAsync() ?? "").Trim();

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, Dutch);

    private static double Percent(string text) => double.Parse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Dutch);

    /// <summary>One handover SMZ → Werkbedrijf, requested, nazorg done, transferred and accepted through the API.</summary>
    private async Task AcceptedHandoverAsync()
    {
        var c = platform.Client;
        var client = await SeedData.ClientAfterBeoordelingAsync(c, Team, TestData.NoordPostcode, "Medische aantekening voor de maatstaven");
        var sender = c.As($"procesbegeleider.{Team}");
        var requested = await Eventually.Until(async () => (await c.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, DossierId = client.DossierId,
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Re-integratie na de beoordeling",
        }, sender)).Handover, h => h is not null, what: "the handover requested");
        await c.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = requested.HandoverId, Outcome = NazorgOutcome.Reached,
            UnderstandsOutcome = true, KnowsNextSteps = true,
        }, sender);
        var transferred = (await c.Handover.TransferHandoverAsync(new TransferHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = requested.HandoverId,
        }, sender)).Handover;
        await c.Handover.AcceptHandoverAsync(new AcceptHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = transferred.HandoverId, ExpectedVersion = transferred.Version,
        }, c.As($"adviseur-werk.{Team}"));
    }

    /// <summary>The divisions' norm events as they publish them: three callbacks met, one not reached; medical bezwaren 2 in time, 1 late.</summary>
    private async Task PublishNormsAsync()
    {
        var bus = platform.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        var client = Guid.NewGuid();
        async Task Resolve(string norm, string category, string outcome, bool escalated = false)
        {
            var id = Guid.NewGuid();
            if (escalated)
            {
                await bus.Publish(new NormDeadlineEscalated(id, client, norm, category, Guid.NewGuid(), DivisionCode.BezwaarBeroep, Team, "teamleider", now, now));
            }
            await bus.Publish(new NormDeadlineResolved(id, client, norm, category, Guid.NewGuid(), DivisionCode.BezwaarBeroep, Team, now, now, outcome,
                outcome == NormOutcomes.Met, escalated, now));
        }
        for (var i = 0; i < 3; i++)
        {
            await Resolve(Norms.Terugbelverzoek, "", NormOutcomes.Met);
        }
        await Resolve(Norms.Terugbelverzoek, "", NormOutcomes.NotReached, escalated: true);
        await Resolve(Norms.Beslistermijn, "medisch", NormOutcomes.Met);
        await Resolve(Norms.Beslistermijn, "medisch", NormOutcomes.Met);
        await Resolve(Norms.Beslistermijn, "medisch", NormOutcomes.Late, escalated: true);
        await Resolve(Norms.Beslistermijn, "niet-medisch", NormOutcomes.Met);
        await bus.Publish(new NormDeadlineEscalated(Guid.NewGuid(), client, Norms.HerkeuringCall, "", Guid.NewGuid(), DivisionCode.Smz, Team, "teamleider", now, now));
    }
}
