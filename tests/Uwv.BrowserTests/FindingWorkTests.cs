using Microsoft.Playwright;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// Finding work: the procesbegeleider finds a client by name and the handovers waiting for nazorg by the stand filter,
/// each row with one link; the pager keeps the focus; the privacy officer finds a client's audit entries by BSN, and
/// the look-up itself is in the log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FindingWorkTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";
    private const string Procesbegeleider = $"procesbegeleider.{Team}";

    [Fact]
    public async Task Procesbegeleider_FindsTheClientByName_AndTheNazorgPendingHandoverOnTheFirstPage()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.NoordPostcode, "Aantekening zoeken");
        var handover = (await platform.Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, DossierId = client.DossierId,
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Re-integratie",
        }, platform.Client.As(Procesbegeleider))).Handover;
        await platform.Client.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, Outcome = NazorgOutcome.NotReached,
        }, platform.Client.As(Procesbegeleider));

        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, Procesbegeleider);
        await page.GetByLabel("Cliënt zoeken").FillAsync(client.Name.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek cliënt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Gevonden cliënten" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{client.Name}, geboren "));

        await page.GetByLabel("Stand van de overdracht").SelectOptionAsync(new SelectOptionValue { Label = "wacht op nazorg" });
        var open = page.GetByRole(AriaRole.Link, new() { Name = $"Overdracht openen: {client.Name}" });
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }), "/api/v1/klantbeeld/worklist");
            return await open.CountAsync();
        }, count => count > 0, what: "the nazorg-pending handover on the first page");
        var rows = page.Locator("table:has(caption:text-is('Werkvoorraad, dichtstbijzijnde deadline eerst')) tbody tr");
        foreach (var row in await rows.AllAsync())
        {
            (await row.GetByRole(AriaRole.Link).CountAsync()).ShouldBe(1, "one link per row");
        }
        (await rows.Locator("td:nth-child(4)").AllInnerTextsAsync()).ShouldAllBe(t => t.Contains("wacht op nazorg"));
        await WebApp.CheckPageAsync(page, "find-01-werkvoorraad-wacht-op-nazorg");
        await open.ClickAsync();
        await Expect(page.GetByTestId("overdracht-stand")).ToContainTextAsync("wacht op nazorg");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pager_KeepsTheFocus_OnTheButtonThatWasPressed()
    {
        // More than one page of terugbelverzoeken for one client of the team.
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, "arnhem-zuid", TestData.ZuidPostcode, "Aantekening pagina's");
        for (var i = 0; i < 21; i++)
        {
            await platform.Client.Smz.CreateTerugbelverzoekAsync(new Uwv.Contracts.Smz.V1.CreateTerugbelverzoekRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, Subject = $"Vraag {i + 1}",
            }, platform.Client.As("procesbegeleider.arnhem-zuid"));
        }
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, "procesbegeleider.arnhem-zuid");
        await page.GetByLabel("Soort werk").SelectOptionAsync("terugbelverzoek");
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina" });
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }), "/api/v1/klantbeeld/worklist");
            return await next.IsEnabledAsync();
        }, enabled => enabled, what: "more than one page of work for the team");

        await WebApp.ClickAndWaitForApiAsync(page, next, "/api/v1/klantbeeld/worklist");

        await Expect(page.GetByText("Pagina 2")).ToBeVisibleAsync();
        // On the pager still: the button pressed, or the other one when the last page disabled it.
        (await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('nav.pager')")).ShouldBeTrue();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PrivacyOfficer_FindsTheClientsAuditEntriesByBsn_AndSeesTheLookUpItself()
    {
        var bsn = TestData.NewBsn();
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(), Bsn = bsn, Name = $"Cliënt {Guid.NewGuid().ToString("N")[..6]}", DateOfBirth = "1968-07-21",
            Postcode = TestData.ZuidPostcode,
        }, platform.Client.As("procesbegeleider.arnhem-zuid"));

        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, "privacy-officer");
        await page.GetByLabel("Cliënt zoeken in alle teams").FillAsync(bsn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek cliënt" }).ClickAsync();
        var choose = page.GetByRole(AriaRole.Button, new() { Name = "Auditregels van" });
        await Expect(choose).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("zoekresultaat")).Not.ToContainTextAsync(bsn);
        await choose.ClickAsync();
        await Expect(page.GetByLabel("Cliëntnummer")).ToHaveValueAsync(registered.ClientId);
        var lookUp = page.GetByRole(AriaRole.Cell, new() { Name = "Klantbeeld: Cliënt gezocht", Exact = true });
        await Eventually.Until(async () =>
        {
            await WebApp.ClickAndWaitForApiAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }), "/api/v1/audit");
            return await lookUp.CountAsync();
        }, count => count > 0, what: "the look-up in the client's audit log");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Klantbeeld: Cliënt ingeschreven", Exact = true })).ToHaveCountAsync(1);
        await WebApp.CheckPageAsync(page, "find-02-auditlog-gezocht-op-bsn");
        await page.Context.CloseAsync();
    }
}
