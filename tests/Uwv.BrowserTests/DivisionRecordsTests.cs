using Microsoft.Playwright;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Testing;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// The divisions' work on a client's own records, from the klantbeeld: the adviseur-werk moves a traject through its
/// phases and records a doel and an afspraak; the uitkeringsdeskundige logs calls about a voorschot, lets it start,
/// records a terugvordering and ends an uitkering; the verzekeringsarts picks up Werkbedrijf's herbeoordelingsverzoek,
/// records the herbeoordeling and answers the verzoek with it. Each result is announced above the actions and shows
/// in the picture.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DivisionRecordsTests(BrowserPlatformFixture platform)
{
    private const string Team = "arnhem-noord";

    private Task<(IPage Page, string ClientId)> OpenPictureAsync(string user, string purposeLabel, Func<string, Task>? prepare = null) =>
        ClientPicture.OpenNewAsync(platform, user, purposeLabel, prepare);

    /// <summary>Shows the picture again until <paramref name="what"/> appears, as a user would after a moment.</summary>
    private static async Task ShowAgainUntilAsync(IPage page, ILocator what)
    {
        for (var attempt = 0; attempt < 30 && !await what.IsVisibleAsync(); attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.GetByRole(AriaRole.Button, new() { Name = "Klantbeeld tonen" }).ClickAsync();
        }
        await Expect(what).ToBeVisibleAsync();
    }

    private static ILocator Form(IPage page, string headingId) => page.Locator($"form[aria-labelledby={headingId}]");

    private static Task<string> Announced(IPage page) => page.GetByTestId("melding-acties").InnerTextAsync();

    [Fact]
    public async Task AdviseurWerk_MovesTheTrajectToTheNextPhase_AndRecordsADoelAndAnAfspraak()
    {
        var (page, _) = await OpenPictureAsync($"adviseur-werk.{Team}", "Behandeling van het dossier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Traject starten" }).ClickAsync();
        await ShowAgainUntilAsync(page, Form(page, "kop-traject-fase"));

        await Form(page, "kop-traject-fase").GetByLabel("Toelichting").FillAsync("Kennismaking gehad");
        await Form(page, "kop-traject-fase").GetByRole(AriaRole.Button, new() { Name = "Naar de volgende fase" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("fase verkennen", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-trajecten]").GetByText("verkennen"));
        await Expect(Form(page, "kop-traject-doel")).ToHaveCountAsync(0);
        await Form(page, "kop-traject-fase").GetByRole(AriaRole.Button, new() { Name = "Naar de volgende fase" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("fase doelen stellen", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, Form(page, "kop-traject-doel"));

        await Form(page, "kop-traject-doel").GetByLabel("Doel", new() { Exact = true }).FillAsync("Weer 20 uur per week werken");
        await Form(page, "kop-traject-doel").GetByRole(AriaRole.Button, new() { Name = "Doel vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("Het doel is vastgelegd", new() { Timeout = 10_000 });

        var afspraak = Form(page, "kop-traject-afspraak");
        await afspraak.GetByLabel("Afspraak", new() { Exact = true }).FillAsync("Cv bijwerken");
        await afspraak.GetByLabel("Uiterlijk op").FillAsync(TestData.DutchToday.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await afspraak.GetByRole(AriaRole.Button, new() { Name = "Afspraak vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("De afspraak is vastgelegd", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-trajecten] td").GetByText("1", new() { Exact = true }).Nth(1));
        await WebApp.CheckPageAsync(page, "div-03-traject-fase-doel-afspraak");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Uitkeringsdeskundige_WorksTheVoorschot_RecordsATerugvordering_AndEndsTheUitkering()
    {
        const string user = $"uitkeringsdeskundige.{Team}";
        var (page, _) = await OpenPictureAsync(user, "Behandeling van het dossier", async clientId =>
        {
            var uitkeren = platform.Client.Uitkeren();
            await uitkeren.GrantUitkeringAsync(new GrantUitkeringRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = clientId, Type = UitkeringType.Ww,
                StartDate = TestData.DutchToday.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), MonthlyAmountCents = 150_000,
            }, platform.Client.As(user));
            await uitkeren.OfferVoorschotAsync(new OfferVoorschotRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = clientId, MonthlyAmountCents = 90_000,
                WiaAanvraagOn = TestData.DutchToday.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, platform.Client.As(user));
        });
        await ShowAgainUntilAsync(page, Form(page, "kop-voorschot-bellen"));
        await ShowAgainUntilAsync(page, Form(page, "kop-uitkering-einde"));

        await Form(page, "kop-voorschot-bellen").GetByRole(AriaRole.Button, new() { Name = "Belpoging vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("De belpoging is vastgelegd", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-voorschotten] td").GetByText("1", new() { Exact = true }));

        await Form(page, "kop-voorschot-start").GetByRole(AriaRole.Button, new() { Name = "Voorschot laten ingaan" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("Het voorschot gaat in", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-voorschotten]").GetByText("verstrekt"));

        var terugvordering = Form(page, "kop-terugvordering");
        await terugvordering.GetByLabel("Terug te vorderen bedrag").FillAsync("250,00");
        await terugvordering.GetByLabel("Reden").FillAsync("Inkomsten over een betaalde maand");
        await terugvordering.GetByRole(AriaRole.Button, new() { Name = "Terugvordering vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("De terugvordering is vastgelegd", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-terugvorderingen]").GetByText("250,00"));

        await Form(page, "kop-uitkering-einde").GetByRole(AriaRole.Button, new() { Name = "Uitkering beëindigen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("De uitkering is beëindigd", new() { Timeout = 10_000 });
        await WebApp.CheckPageAsync(page, "div-04-voorschot-terugvordering-einde");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Verzekeringsarts_PicksUpAVerzoek_RecordsTheHerbeoordeling_AndAnswersTheVerzoek()
    {
        const string arts = $"verzekeringsarts.{Team}";
        var (page, _) = await OpenPictureAsync(arts, "Sociaal-medische beoordeling", async clientId =>
        {
            await platform.Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580,
                FmlSummary = "Beperkt belastbaar", DecisionDate = TestData.DutchToday.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, platform.Client.As(arts));
            await platform.Client.Werkbedrijf().OpenHerbeoordelingsverzoekAsync(new OpenHerbeoordelingsverzoekRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = clientId, Reason = "Cliënt kan meer uren aan",
            }, platform.Client.As($"adviseur-werk.{Team}"));
        });
        await ShowAgainUntilAsync(page, Form(page, "kop-verzoek-oppakken"));

        await Form(page, "kop-verzoek-oppakken").GetByRole(AriaRole.Button, new() { Name = "Verzoek oppakken" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("Het verzoek is opgepakt", new() { Timeout = 10_000 });

        var beoordeling = Form(page, "kop-beoordeling");
        await beoordeling.GetByLabel("Soort beoordeling").SelectOptionAsync(new SelectOptionValue { Label = "Herbeoordeling" });
        await beoordeling.GetByLabel("AO-klasse").SelectOptionAsync(new SelectOptionValue { Label = "minder dan 35%" });
        await beoordeling.GetByLabel("Mogelijkheden (FML), samengevat").FillAsync("Belastbaar voor 30 uur");
        await beoordeling.GetByRole(AriaRole.Button, new() { Name = "Beoordeling vastleggen" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("De beoordeling is vastgelegd", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, Form(page, "kop-verzoek-antwoord").GetByLabel("Met de herbeoordeling"));

        await Form(page, "kop-verzoek-antwoord").GetByLabel("Uitkomst voor Werkbedrijf").FillAsync("Minder dan 35% arbeidsongeschikt");
        await Form(page, "kop-verzoek-antwoord").GetByRole(AriaRole.Button, new() { Name = "Verzoek beantwoorden" }).ClickAsync();
        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("Het verzoek is beantwoord", new() { Timeout = 10_000 });
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-herbeoordelingsverzoeken]").GetByText("Minder dan 35% arbeidsongeschikt"));
        await WebApp.CheckPageAsync(page, "div-05-verzoek-beantwoord");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Uitkeringsdeskundige_ReviewsIncomeInAMonthWithoutUitkering()
    {
        var (page, _) = await OpenPictureAsync($"uitkeringsdeskundige.{Team}", "Behandeling van het dossier");
        var income = Form(page, "kop-inkomsten");
        await income.GetByLabel("Maand", new() { Exact = true }).FillAsync(TestData.DutchToday.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await income.GetByLabel("Inkomsten in die maand").FillAsync("800,00");
        await income.GetByRole(AriaRole.Button, new() { Name = "Inkomsten vastleggen" }).ClickAsync();
        await ShowAgainUntilAsync(page, Form(page, "kop-inkomsten-beoordelen"));

        var review = Form(page, "kop-inkomsten-beoordelen");
        await review.GetByLabel("Wat is er gevonden en gedaan?").FillAsync("Geen uitkering in die maand; niets te verrekenen");
        await review.GetByRole(AriaRole.Button, new() { Name = "Beoordeling afronden" }).ClickAsync();

        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("De beoordeling van de inkomsten is afgerond", new() { Timeout = 10_000 });
        await Expect(Form(page, "kop-inkomsten-beoordelen")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdviseurWerk_TakesADossierOfAColleague_AndFindsItUnderMijnWerk()
    {
        const string user = $"adviseur-werk.{Team}";
        var (page, _) = await OpenPictureAsync(user, "Behandeling van het dossier", async clientId =>
            await platform.Client.Werkbedrijf().OpenDossierAsync(new Uwv.Contracts.Werkbedrijf.V1.OpenDossierRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = clientId, OwnerEmployee = $"collega.{Team}",
            }, platform.Client.As(user)));
        var dossiers = page.Locator("section[aria-labelledby=kop-dossiers]");
        await ShowAgainUntilAsync(page, dossiers.GetByRole(AriaRole.Button, new() { Name = "aan mij toewijzen" }));

        await dossiers.GetByRole(AriaRole.Button, new() { Name = "aan mij toewijzen" }).ClickAsync();

        await Expect(dossiers).ToContainTextAsync("Het dossier is aan u toegewezen");
        await ShowAgainUntilAsync(page, dossiers.GetByText(user));
        await Expect(dossiers.GetByRole(AriaRole.Button, new() { Name = "aan mij toewijzen" })).ToHaveCountAsync(0);
        var name = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Replace("Klantbeeld: ", "", StringComparison.Ordinal);

        await page.GotoAsync("/#/werkvoorraad");
        await page.GetByLabel("Medewerker").SelectOptionAsync(new SelectOptionValue { Label = "Alleen mijn werk" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await WebApp.CheckPageAsync(page, "div-06-mijn-werk");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Procesbegeleider_RecordsTheHerkeuringCall()
    {
        const string user = $"procesbegeleider.{Team}";
        var (page, _) = await OpenPictureAsync(user, "Contact met de cliënt", async clientId =>
            await platform.Client.Smz.RegisterHerkeuringsaanvraagAsync(new RegisterHerkeuringsaanvraagRequest
            {
                ClientId = clientId, ReceivedOn = TestData.DutchToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, platform.Client.As(user)));
        await ShowAgainUntilAsync(page, Form(page, "kop-herkeuring-bellen"));

        var call = Form(page, "kop-herkeuring-bellen");
        await call.GetByLabel("Cliënt bereikt").CheckAsync();
        await call.GetByRole(AriaRole.Button, new() { Name = "Gesprek vastleggen" }).ClickAsync();

        await Expect(page.GetByTestId("melding-acties")).ToContainTextAsync("de cliënt is bereikt", new() { Timeout = 10_000 });
        var today = TestData.DutchToday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        await ShowAgainUntilAsync(page, page.Locator("section[aria-labelledby=kop-herkeuringen] td").GetByText(today).Nth(1));
        await Expect(Form(page, "kop-herkeuring-bellen")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
