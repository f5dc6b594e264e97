using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary>
/// Every role × own team / other team × field group, through the real gateway. The expected column is written out
/// here by hand, not derived from the production policy, so a policy change must change this table too.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class AccessMatrixTests(EmbeddedPlatformFixture platform) : IAsyncLifetime
{
    private const string ClientTeam = "arnhem-noord";
    private string _clientId = "";
    private string _beoordelingId = "";

    // role, same team?, sees picture?, sees medical notes? (null: may not even call the SMZ method)
    public static TheoryData<string, bool, bool, bool?> Matrix => new()
    {
        { "verzekeringsarts", true, true, true },
        { "verzekeringsarts", false, false, null },
        { "arbeidsdeskundige", true, true, false },
        { "arbeidsdeskundige", false, false, null },
        { "procesbegeleider", true, true, false },
        { "procesbegeleider", false, false, null },
        { "teamleider", true, true, false },
        { "teamleider", false, false, null },
        { "adviseur-werk", true, true, null },
        { "adviseur-werk", false, false, null },
        { "uitkeringsdeskundige", true, true, null },
        { "uitkeringsdeskundige", false, false, null },
        { "jurist", true, true, null },
        { "jurist", false, false, null },
        { "manager", true, false, null },
        { "privacy-officer", true, false, null },
        { "beheerder", true, false, null },
    };

    public async Task InitializeAsync()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Hanna Kok", DateOfBirth = "1979-02-02", Postcode = TestData.NoordPostcode,
        }, c.As("verzekeringsarts.arnhem-noord"));
        _clientId = registered.ClientId;
        _beoordelingId = (await c.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = _clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga,
            FmlSummary = "Zittend werk", DecisionDate = "2026-11-03", MedicalNotes = "MEDISCH-GEHEIM-42",
        }, c.As("verzekeringsarts.arnhem-noord"))).BeoordelingId;
        await Eventually.Until(() => c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = _clientId, Purpose = "dossierbehandeling" }, c.As("verzekeringsarts.arnhem-noord")).ResponseAsync,
            r => r.Klantbeeld.Beoordelingen.Count == 1, what: "the picture");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Klantbeeld_ByRoleAndTeam_ShowsExactlyWhatTheRoleMaySee(string role, bool sameTeam, bool seesPicture, bool? seesMedical)
    {
        var user = role is "manager" or "privacy-officer" or "beheerder" ? role : $"{role}.{(sameTeam ? ClientTeam : "arnhem-zuid")}";
        var c = platform.Client;

        var read = () => c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = _clientId, Purpose = "dossierbehandeling", PurposeNote = "matrix" }, c.As(user)).ResponseAsync;
        if (seesPicture)
        {
            var picture = (await read()).Klantbeeld;
            picture.Name.ShouldBe("Hanna Kok");
            picture.Bsn.ShouldNotBeEmpty();
            picture.Beoordelingen.ShouldHaveSingleItem().FmlSummary.ShouldBe("Zittend werk");
            picture.FieldGroups.ShouldBe(["address", "beoordelingen", "bsn", "divisions", "dossiers", "handovers", "person"]);
            picture.ToString().ShouldNotContain("MEDISCH-GEHEIM-42");
        }
        else
        {
            (await Should.ThrowAsync<RpcException>(read)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        }

        var medical = () => c.Smz.GetBeoordelingAsync(new GetBeoordelingRequest { BeoordelingId = _beoordelingId, Purpose = "beoordeling" }, c.As(user)).ResponseAsync;
        switch (seesMedical)
        {
            case true:
                (await medical()).Beoordeling.MedicalNotes.ShouldBe("MEDISCH-GEHEIM-42");
                break;
            case false:
                var outcome = (await medical()).Beoordeling;
                outcome.MedicalNotes.ShouldBeEmpty();
                outcome.FmlSummary.ShouldBe("Zittend werk");
                break;
            default:
                (await Should.ThrowAsync<RpcException>(medical)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
                break;
        }
    }
}
