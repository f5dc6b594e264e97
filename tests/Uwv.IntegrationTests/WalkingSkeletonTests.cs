using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Testing;

namespace Uwv.IntegrationTests;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class WalkingSkeletonTests(EmbeddedPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    [Fact]
    public async Task RegisteredClientWithBeoordeling_AppearsInKlantbeeld_ThroughGateway()
    {
        var client = platform.Client;
        var registered = await client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Anna de Vries", DateOfBirth = "1975-03-14", Postcode = TestData.NoordPostcode,
        }, client.As(Arts));
        registered.AreaTeam.ShouldBe("arnhem-noord");

        var recorded = await client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = registered.ClientId,
            Type = BeoordelingType.WiaClaimbeoordeling,
            AoKlasse = AoKlasse._3580,
            FmlSummary = "Kan 4 uur per dag licht werk doen",
            DecisionDate = "2026-11-02",
            MedicalNotes = "Medische toelichting die SMZ niet verlaat",
        }, client.As(Arts));

        var picture = await Eventually.Until(
            () => client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "dossierbehandeling", PurposeNote = "test" }, client.As(Arts)).ResponseAsync,
            r => r.Klantbeeld.Beoordelingen.Count == 1,
            what: "the beoordeling in the klantbeeld");

        picture.Klantbeeld.Name.ShouldBe("Anna de Vries");
        picture.Klantbeeld.Postcode.ShouldBe("6821AB");
        var beoordeling = picture.Klantbeeld.Beoordelingen.Single();
        beoordeling.BeoordelingId.ShouldBe(recorded.BeoordelingId);
        beoordeling.AoKlasse.ShouldBe("35-80%");
        beoordeling.FmlSummary.ShouldBe("Kan 4 uur per dag licht werk doen");
        picture.Klantbeeld.ToString().ShouldNotContain("Medische toelichting");
        picture.Klantbeeld.Dossiers.ShouldHaveSingleItem().Division.ShouldBe(Uwv.Contracts.Common.V1.Division.Smz);
    }

    [Fact]
    public async Task CallWithoutToken_IsUnauthenticated()
    {
        var ex = await Should.ThrowAsync<RpcException>(() =>
            platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = Guid.NewGuid().ToString(), Purpose = "dossierbehandeling" }).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task CallWithForgedToken_IsUnauthenticated()
    {
        var forged = platform.Client.TokenFor(Arts)[..^4] + "AAAA";
        var ex = await Should.ThrowAsync<RpcException>(() =>
            platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = Guid.NewGuid().ToString(), Purpose = "dossierbehandeling" }, PlatformClient.Bearer(forged)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task JsonRoute_ThroughGateway_ReturnsKlantbeeld()
    {
        var client = platform.Client;
        var registered = await client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Bram Peters", DateOfBirth = "1990-01-31", Postcode = TestData.NoordPostcode,
        }, client.As(Arts));
        using var http = client.Http(Arts);
        var json = await Eventually.Until(
            async () =>
            {
                using var response = await http.GetAsync($"/api/v1/klantbeeld/{registered.ClientId}?purpose=dossierbehandeling");
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            },
            body => body.Contains("Bram Peters", StringComparison.Ordinal),
            what: "the klantbeeld over JSON");
        json.ShouldContain("\"areaTeam\":\"arnhem-noord\"");
    }

    [Fact]
    public async Task JsonRoute_WithoutToken_Is401()
    {
        using var http = platform.Client.Http();
        using var response = await http.GetAsync($"/api/v1/klantbeeld/{Guid.NewGuid()}?purpose=dossierbehandeling");
        ((int)response.StatusCode).ShouldBe(401);
    }
}
