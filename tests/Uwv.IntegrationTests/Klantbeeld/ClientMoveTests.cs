using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Smz.Data;
using Uwv.Testing;
using Uwv.Werkbedrijf.Data;

namespace Uwv.IntegrationTests.Klantbeeld;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientMoveTests(EmbeddedPlatformFixture platform)
{
    private const string NoordArts = "verzekeringsarts.arnhem-noord";
    private const string ZuidArts = "verzekeringsarts.arnhem-zuid";

    [Fact]
    public async Task ClientMove_ToAnotherTeam_ReroutesOpenWork_AndLeavesVisibleTrace()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Fenna Mulder", DateOfBirth = "1985-04-04", Postcode = TestData.NoordPostcode,
        }, c.As(NoordArts));
        await c.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = registered.ClientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580,
            FmlSummary = "Halve dagen", DecisionDate = "2026-10-10",
        }, c.As(NoordArts));
        var werkbedrijf = new WerkbedrijfService.WerkbedrijfServiceClient(c.Invoker);
        await werkbedrijf.OpenDossierAsync(new Uwv.Contracts.Werkbedrijf.V1.OpenDossierRequest { ClientId = registered.ClientId }, c.As("adviseur-werk.arnhem-noord"));
        await Eventually.Until(() => Picture(registered.ClientId, NoordArts), k => k.Dossiers.Count == 2, what: "two dossiers");

        var moved = await c.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = registered.ClientId, NewPostcode = TestData.ZuidPostcode }, c.As(NoordArts));
        moved.OldAreaTeam.ShouldBe("arnhem-noord");
        moved.NewAreaTeam.ShouldBe("arnhem-zuid");

        var picture = await Eventually.Until(() => Picture(registered.ClientId, ZuidArts),
            k => k.Dossiers.Count == 2 && k.Dossiers.All(d => d.OwnerTeam == "arnhem-zuid"), what: "the dossiers in the new team");
        picture.AreaTeam.ShouldBe("arnhem-zuid");
        picture.Postcode.ShouldBe("6836CD");
        var trace = picture.Moves.ShouldHaveSingleItem();
        (trace.OldAreaTeam, trace.NewAreaTeam).ShouldBe(("arnhem-noord", "arnhem-zuid"));

        var id = Guid.Parse(registered.ClientId);
        (await platform.InScope<SmzDbContext, string[]>(db => db.Dossiers.Where(d => d.ClientId == id).Select(d => d.OwnerTeam).ToArrayAsync()))
            .ShouldAllBe(t => t == "arnhem-zuid");
        (await platform.InScope<WerkbedrijfDbContext, string[]>(db => db.Dossiers.Where(d => d.ClientId == id).Select(d => d.OwnerTeam).ToArrayAsync()))
            .ShouldAllBe(t => t == "arnhem-zuid");

        var denied = await Should.ThrowAsync<RpcException>(() => Picture(registered.ClientId, NoordArts));
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task ClientMove_ByEmployeeOfOtherTeam_IsPermissionDenied_AndChangesNothing()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Gert Bos", DateOfBirth = "1960-06-06", Postcode = TestData.NoordPostcode,
        }, c.As(NoordArts));
        var ex = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.MoveClientAsync(
            new MoveClientRequest { ClientId = registered.ClientId, NewPostcode = TestData.ZuidPostcode }, c.As(ZuidArts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await c.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = registered.ClientId }, c.As(NoordArts))).Client.AreaTeam.ShouldBe("arnhem-noord");
    }

    [Theory]
    [InlineData("", "new_postcode")]
    [InlineData("12", "new_postcode")]
    public async Task ClientMove_WithInvalidPostcode_IsInvalidArgument(string postcode, string field)
    {
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Klantbeeld.MoveClientAsync(
            new MoveClientRequest { ClientId = Guid.NewGuid().ToString(), NewPostcode = postcode }, platform.Client.As(NoordArts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith(field);
    }

    private async Task<Uwv.Contracts.Klantbeeld.V1.Klantbeeld> Picture(string clientId, string user) =>
        (await platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" }, platform.Client.As(user))).Klantbeeld;
}
