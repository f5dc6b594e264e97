using Grpc.Core;
using StackExchange.Redis;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Testing;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.EndToEndTests.Divisions;

/// <summary>
/// One client through all four divisions, each a separate process on the real RabbitMQ, Redis and PostgreSQL: a WIA
/// claimbeoordeling (SMZ), a voorschot and then a WGA uitkering (Uitkeren), a re-integratietraject with a
/// herbeoordelingsverzoek (Werkbedrijf) and a bezwaar (B&amp;B), all in the klantbeeld through the gateway, and the
/// medical notes nowhere but SMZ.
/// </summary>
[Collection(RealPlatformCollection.Name)]
public sealed class OneClientAcrossDivisionsEndToEndTests(RealPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";
    private const string Procesbegeleider = "procesbegeleider.arnhem-noord";
    private const string Uitkeringsdeskundige = "uitkeringsdeskundige.arnhem-noord";
    private const string AdviseurWerk = "adviseur-werk.arnhem-noord";
    private const string Jurist = "jurist.arnhem-noord";
    private const string MedicalNotes = "Medisch verslag: blijft bij SMZ";

    private PlatformClient Client => platform.Client;
    private Metadata As(string user) => Client.As(user);

    [Fact]
    public async Task OneClient_InAllFourDivisions_IsOnePictureThroughTheGateway_WithoutMedicalNotes()
    {
        var clientId = await Client.NewClientAsync(Arts, "Henk de Boer");
        await Eventually.Until(() => Picture(clientId, Jurist), _ => true, TimeSpan.FromSeconds(30), "the registration in the klantbeeld");

        // Uitkeren: a voorschot while the WIA claimbeoordeling is pending.
        var voorschot = (await Client.Uitkeren().OfferVoorschotAsync(new() { ClientId = clientId, MonthlyAmountCents = 110_000, WiaAanvraagOn = "2026-08-03" }, As(Uitkeringsdeskundige))).Voorschot;
        voorschot = (await Client.Uitkeren().StartVoorschotAsync(new() { VoorschotId = voorschot.VoorschotId, ExpectedVersion = voorschot.Version, StartDate = "2026-09-01" }, As(Uitkeringsdeskundige))).Voorschot;

        // SMZ: the WIA claimbeoordeling, with medical notes that stay in SMZ.
        var claim = await Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga, AoPercentage = 85,
            FmlSummary = "Kan kort zittend werk doen", DecisionDate = "2026-11-02", MedicalNotes = MedicalNotes,
        }, As(Arts));

        // Uitkeren: the WGA uitkering settles the voorschot.
        var wga = await Client.Uitkeren().GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.WiaWga, StartDate = "2026-08-03", MonthlyAmountCents = 100_000 }, As(Uitkeringsdeskundige));
        wga.VoorschotSettlement.VoorschotId.ShouldBe(voorschot.VoorschotId);

        // Werkbedrijf: a re-integratietraject and a herbeoordelingsverzoek to SMZ, which SMZ picks up.
        var traject = (await Client.Werkbedrijf().StartTrajectAsync(new() { ClientId = clientId }, As(AdviseurWerk))).Traject;
        await Client.Werkbedrijf().AdvanceTrajectPhaseAsync(new() { TrajectId = traject.TrajectId, ExpectedVersion = traject.Version, Phase = TrajectPhase.Verkennen }, As(AdviseurWerk));
        var verzoek = (await Client.Werkbedrijf().OpenHerbeoordelingsverzoekAsync(new() { ClientId = clientId, Reason = "Belastbaarheid lijkt toegenomen" }, As(AdviseurWerk))).Verzoek;
        var atSmz = await Eventually.Until(
            async () => (await Client.Smz.ListHerbeoordelingsverzoekenAsync(new() { PageSize = 100 }, As(Procesbegeleider))).Verzoeken.FirstOrDefault(v => v.VerzoekId == verzoek.VerzoekId),
            v => v is not null, TimeSpan.FromSeconds(30), "SMZ receiving the verzoek over RabbitMQ");
        await Client.Smz.PickUpHerbeoordelingsverzoekAsync(new() { VerzoekId = atSmz!.VerzoekId, ExpectedVersion = atSmz.Version }, As(Procesbegeleider));

        // Bezwaar & Beroep: a bezwaar against the Uitkeren decision. Sent Tue 2026-11-03: bezwaartermijn to Tue 2026-12-15,
        // beslistermijn six weeks later, Tue 2027-01-26.
        var bezwaar = (await Client.BezwaarBeroep().RegisterBezwaarAsync(new()
        {
            ClientId = clientId, DecisionDivision = Division.Uitkeren, DecisionReference = "UIT-WGA-1", DecisionSentOn = "2026-11-03",
            ReceivedOn = "2026-11-16", Grounds = "Het dagloon is te laag vastgesteld",
        }, As(Jurist))).Bezwaar;
        bezwaar.BeslistermijnEndsOn.ShouldBe("2027-01-26");

        var picture = await Eventually.Until(() => Picture(clientId, Jurist), k =>
                k.Beoordelingen.Count == 1 && k.Uitkeringen.Count == 1 && k.Voorschotten.Count == 1 && k.Voorschotten[0].Status == "verrekend"
                && k.Reintegratietrajecten.Count == 1 && k.Reintegratietrajecten[0].Phase == "verkennen"
                && k.Herbeoordelingsverzoeken.Count == 1 && k.Herbeoordelingsverzoeken[0].State == "picked-up" && k.Bezwaren.Count == 1,
            TimeSpan.FromSeconds(45), "every division's part in the klantbeeld");
        picture.Beoordelingen[0].BeoordelingId.ShouldBe(claim.BeoordelingId);
        (picture.Uitkeringen[0].Type, picture.Uitkeringen[0].Current).ShouldBe(("WIA-WGA", true));
        (picture.Bezwaren[0].BeslistermijnEndsOn, picture.Bezwaren[0].Status).ShouldBe(("2027-01-26", "in-behandeling"));
        picture.Dossiers.Select(d => d.Division).Distinct().Count().ShouldBe(4);
        picture.ToString().ShouldNotContain(MedicalNotes);

        // The same over JSON through the gateway, and in the document in the real Redis.
        using var http = Client.Http(AdviseurWerk);
        var json = await http.GetStringAsync($"/api/v1/klantbeeld/{clientId}?purpose=dossierbehandeling");
        json.ShouldContain("\"bezwaren\"");
        json.ShouldContain("\"reintegratietrajecten\"");
        json.ShouldNotContain(MedicalNotes);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Redis);
        var stored = await redis.GetDatabase().StringGetAsync("klantbeeld:" + Guid.Parse(clientId).ToString("N"));
        stored.IsNull.ShouldBeFalse();
        stored.ToString().ShouldContain(bezwaar.BezwaarId);
        stored.ToString().ShouldNotContain(MedicalNotes);

        // Medical notes: the verzekeringsarts reads them; a procesbegeleider of SMZ does not, other divisions cannot ask.
        (await Client.Smz.GetBeoordelingAsync(new() { BeoordelingId = claim.BeoordelingId, Purpose = "beoordeling" }, As(Arts))).Beoordeling.MedicalNotes.ShouldBe(MedicalNotes);
        (await Client.Smz.GetBeoordelingAsync(new() { BeoordelingId = claim.BeoordelingId, Purpose = "beoordeling" }, As(Procesbegeleider))).Beoordeling.MedicalNotes.ShouldBeEmpty();
        (await Should.ThrowAsync<RpcException>(() => Client.Smz.GetBeoordelingAsync(new() { BeoordelingId = claim.BeoordelingId, Purpose = "beoordeling" }, As(Jurist)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    private async Task<Uwv.Contracts.Klantbeeld.V1.Klantbeeld> Picture(string clientId, string user) =>
        (await Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "e2e" }, As(user))).Klantbeeld;
}
