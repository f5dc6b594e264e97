using System.Collections.Concurrent;
using Microsoft.Playwright;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// Medical content never reaches a non-medical employee's browser: checked on the network (every API response
/// the pages load), not on the screen. A verzekeringsarts, by contrast, does receive it (so the check can fail).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MedicalConfidentialityTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-centrum";

    [Fact]
    public async Task NonSmzUser_NeverReceivesMedicalFields_InAnyResponseThePagesLoad()
    {
        var secret = $"Diagnose-{Guid.NewGuid():N}";
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.CentrumPostcode, secret);
        var page = await platform.NewPageAsync();
        var recorder = new Recorder(page);

        await WebApp.LoginAsync(page, $"adviseur-werk.{Team}");
        await page.GetByLabel("Organisatieonderdeel").SelectOptionAsync("");
        await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }), "/api/v1/klantbeeld/worklist");
        await page.GetByRole(AriaRole.Link, new() { Name = client.Name, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beoordelingen (uitkomst)" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Licht fysiek werk, geen nachtdiensten")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Terugbelverzoeken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Werkbedrijf", Exact = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var loaded = await recorder.DrainAsync();
        await page.Context.CloseAsync();

        loaded.Count.ShouldBeGreaterThanOrEqualTo(3, "the pages load the worklist, the picture and the callbacks");
        loaded.ShouldAllBe(b => !b.Body.Contains("medicalNotes", StringComparison.OrdinalIgnoreCase) && !b.Body.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verzekeringsarts_ReceivesTheMedicalNotes_OnlyWhenOpeningTheBeoordeling()
    {
        var secret = $"Diagnose-{Guid.NewGuid():N}";
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.CentrumPostcode, secret);
        var page = await platform.NewPageAsync();
        var recorder = new Recorder(page);

        await WebApp.LoginAsync(page, $"verzekeringsarts.{Team}");
        await page.GotoAsync($"/#/clienten/{client.ClientId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beoordelingen (uitkomst)" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await recorder.DrainAsync()).ShouldAllBe(b => !b.Body.Contains(secret, StringComparison.Ordinal), "the klantbeeld never carries medical content");

        await page.GetByRole(AriaRole.Button, new() { Name = "Details" }).First.ClickAsync();
        await Expect(page.GetByText(secret)).ToBeVisibleAsync();
        (await recorder.DrainAsync()).ShouldContain(b => b.Url.Contains("/api/v1/smz/beoordelingen/", StringComparison.Ordinal) && b.Body.Contains(secret, StringComparison.Ordinal));
        await WebApp.CheckPageAsync(page, "03b-klantbeeld-verzekeringsarts-medisch");
        await page.Context.CloseAsync();
    }

    private sealed record Loaded(string Url, string Body);

    /// <summary>Reads the body of every API response a page receives; Drain waits for the reads still running.</summary>
    private sealed class Recorder
    {
        private readonly ConcurrentQueue<Task<Loaded>> _reads = new();

        public Recorder(IPage page) => page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                _reads.Enqueue(Read(response));
            }
        };

        private static async Task<Loaded> Read(IResponse response) => new(response.Url, await response.TextAsync());

        public async Task<IReadOnlyList<Loaded>> DrainAsync() => await Task.WhenAll(_reads.ToArray());
    }
}
