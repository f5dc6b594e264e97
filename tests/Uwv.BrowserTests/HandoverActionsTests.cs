using Microsoft.Playwright;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The handover's other actions in the browser: the warme overdracht arranged by the sender and confirmed by the
/// receiving colleague, the written-message rule shown before it unlocks, the teamleider's override with its reason,
/// and a cancellation whose form keeps its input when someone else changed the handover first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HandoverActionsTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";
    private const string Procesbegeleider = $"procesbegeleider.{Team}";
    private const string AdviseurWerk = $"adviseur-werk.{Team}";

    [Fact]
    public async Task WarmeOverdracht_ArrangedBySenderAndConfirmedByTheColleague_ThenTheDossierGoes()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.NoordPostcode, "Aantekening warme overdracht");
        // The handover service learns the new dossier from the bus: until then the client has no dossier there (NOT_FOUND).
        // One request id, so a retry after a lost answer records the signaal once.
        var signaal = new RecordSignaalRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, Factor = KwetsbaarheidFactor.Levensgebeurtenis,
            Note = "Recent gescheiden, verhuist", ClientConsent = true,
        };
        await Eventually.Until(
            () => platform.Client.Handover.RecordSignaalAsync(signaal, platform.Client.As(Procesbegeleider)).ResponseAsync,
            r => r.SignaalId.Length > 0, what: "the signaal recorded once the handover service knows the dossier");
        var handoverId = await RequestAsync(client);

        var sender = await OpenAsync(Procesbegeleider, handoverId);
        // The written-message option is there from the start, with the rule that unlocks it.
        var written = sender.GetByTestId("brief-of-email");
        await Expect(written).ToContainTextAsync("na 3 onbeantwoorde belpogingen op ten minste 2 verschillende werkdagen");
        await Expect(written.GetByRole(AriaRole.Button, new() { Name = "Brief gestuurd" })).ToBeDisabledAsync();
        await sender.GetByLabel("Cliënt bereikt").CheckAsync();
        await sender.GetByLabel("De cliënt begrijpt de uitkomst van de beoordeling").CheckAsync();
        await sender.GetByLabel("De cliënt weet wat er nu gebeurt").CheckAsync();
        await sender.GetByRole(AriaRole.Button, new() { Name = "Belpoging vastleggen" }).ClickAsync();
        await Expect(sender.GetByTestId("melding-nazorg")).ToContainTextAsync("vastgelegd");

        // Without the colleague's confirmation the transfer is refused, next to the button.
        await sender.GetByRole(AriaRole.Button, new() { Name = "Overdragen", Exact = true }).ClickAsync();
        await Expect(sender.GetByTestId("melding-verzenden").Locator("[data-rule='warm-handover']")).ToBeVisibleAsync();
        await sender.GetByLabel("Gebruikersnaam van de ontvangende collega").FillAsync(AdviseurWerk);
        await sender.GetByRole(AriaRole.Button, new() { Name = "Collega aanwijzen" }).ClickAsync();
        await Expect(sender.GetByTestId("melding-warm")).ToContainTextAsync("aangewezen");
        await Expect(sender.GetByText($"afgesproken met {AdviseurWerk}, wacht op diens bevestiging")).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(sender, "16-warme-overdracht-afgesproken");

        var colleague = await OpenAsync(AdviseurWerk, handoverId);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Kennismaking bevestigen" }).ClickAsync();
        await Expect(colleague.GetByText($"bevestigd door {AdviseurWerk}")).ToBeVisibleAsync();
        await colleague.Context.CloseAsync();

        await sender.ReloadAsync();
        await sender.GetByRole(AriaRole.Button, new() { Name = "Overdragen", Exact = true }).ClickAsync();
        await Expect(sender.GetByTestId("overdracht-stand")).ToContainTextAsync("overgedragen, wacht op acceptatie");
        await sender.Context.CloseAsync();
    }

    [Fact]
    public async Task Teamleider_OverridesNazorgWithAReason_AndACancelRefusedByAConcurrentChange_KeepsItsReason()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.NoordPostcode, "Aantekening doorbreken");
        var handoverId = await RequestAsync(client);
        // The sender opens the handover first; the teamleider changes it meanwhile.
        var sender = await OpenAsync(Procesbegeleider, handoverId);

        var teamleider = await OpenAsync($"teamleider.{Team}", handoverId);
        await teamleider.GetByLabel("Waarom zonder nazorg overdragen?").FillAsync("Cliënt verblijft langdurig in het buitenland");
        await teamleider.GetByRole(AriaRole.Button, new() { Name = "Nazorg doorbreken" }).ClickAsync();
        await Expect(teamleider.GetByText($"doorbroken door teamleider.{Team}")).ToBeVisibleAsync();
        await Expect(teamleider.Locator("section[aria-labelledby=kop-nazorg]").GetByText("Cliënt verblijft langdurig in het buitenland")).ToBeVisibleAsync();
        await Expect(teamleider.GetByRole(AriaRole.Region, new() { Name = "Geschiedenis van de overdracht" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "Nazorg doorbroken door teamleider" })).ToContainTextAsync("Cliënt verblijft langdurig in het buitenland");
        await WebApp.CheckPageAsync(teamleider, "17-nazorg-doorbroken");
        await teamleider.Context.CloseAsync();

        const string reason = "Cliënt gaat toch eerst naar Uitkeren";
        var reasonBox = sender.GetByLabel("Reden van intrekken");
        await reasonBox.FillAsync(reason);
        await sender.GetByRole(AriaRole.Button, new() { Name = "Overdracht intrekken" }).ClickAsync();
        await Expect(sender.GetByTestId("melding-intrekken")).ToContainTextAsync("Iemand anders heeft deze overdracht intussen gewijzigd");
        await Expect(reasonBox).ToHaveValueAsync(reason);

        await sender.GetByRole(AriaRole.Button, new() { Name = "Overdracht intrekken" }).ClickAsync();
        await Expect(sender.GetByTestId("overdracht-stand")).ToContainTextAsync("ingetrokken");
        await Expect(sender.Locator("dl.facts").GetByText(reason)).ToBeVisibleAsync();
        await sender.Context.CloseAsync();
    }

    [Fact]
    public async Task HandoverRequestForm_OffersOnlyDossiersThatCanBeHandedOver_WithTheRightOnePreselected()
    {
        var client = await SeedData.ClientAfterBeoordelingAsync(platform.Client, Team, TestData.NoordPostcode, "Aantekening formulier");

        var page = await OpenPictureAsync(Procesbegeleider, client);
        var dossier = page.GetByLabel("Dossier", new() { Exact = true });
        (await dossier.Locator("option").CountAsync()).ShouldBe(1);
        await Expect(dossier).ToHaveValueAsync(client.DossierId);
        await Expect(dossier.Locator("option").First).ToContainTextAsync("SMZ – open – geopend");
        await page.Context.CloseAsync();

        // Another division's dossier is not offered to Werkbedrijf.
        var werkbedrijf = await OpenPictureAsync(AdviseurWerk, client);
        await Expect(werkbedrijf.GetByRole(AriaRole.Heading, new() { Name = "Overdracht aanvragen" })).ToHaveCountAsync(0);
        await werkbedrijf.Context.CloseAsync();

        // While a handover of the dossier runs, it is not offered again.
        await RequestAsync(client);
        await Eventually.Until(
            () => platform.Client.Klantbeeld.GetKlantbeeldAsync(new Uwv.Contracts.Klantbeeld.V1.GetKlantbeeldRequest { ClientId = client.ClientId, Purpose = "overdracht" },
                platform.Client.As(Procesbegeleider)).ResponseAsync,
            r => r.Klantbeeld.Handovers.Count > 0, what: "the handover in the client picture");
        var again = await OpenPictureAsync(Procesbegeleider, client);
        await Expect(again.GetByRole(AriaRole.Heading, new() { Name = "Overdracht aanvragen" })).ToHaveCountAsync(0);
        await again.Context.CloseAsync();
    }

    private async Task<IPage> OpenPictureAsync(string user, SeedData.SeededClient client)
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, user);
        await page.GotoAsync($"/#/clienten/{client.ClientId}");
        await page.GetByLabel("Doel van inzage").SelectOptionAsync("Overdracht tussen organisatieonderdelen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Klantbeeld: {client.Name}" })).ToBeVisibleAsync();
        return page;
    }

    private async Task<string> RequestAsync(SeedData.SeededClient client) =>
        (await platform.Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ClientId = client.ClientId,
            DossierId = client.DossierId,
            FromDivision = Division.Smz,
            ToDivision = Division.Werkbedrijf,
            Reason = "Re-integratie na de beoordeling",
        }, platform.Client.As(Procesbegeleider))).Handover.HandoverId;

    private async Task<IPage> OpenAsync(string user, string handoverId)
    {
        var page = await platform.NewPageAsync();
        await WebApp.LoginAsync(page, user);
        await page.GotoAsync($"/#/overdrachten/{handoverId}");
        await Expect(page.GetByTestId("overdracht-stand")).ToBeVisibleAsync();
        return page;
    }
}
