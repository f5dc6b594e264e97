using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Data;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Store;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary>
/// The embedded platform with a read model that lets a test act at the moment a move has committed and its register
/// stamp is not ended yet (decision 0045).
/// </summary>
public sealed class RegisterProbePlatformFixture : EmbeddedPlatformFixture
{
    public ProbedStore Store { get; private set; } = null!;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<InMemoryKlantbeeldStore>();
        services.AddSingleton<IKlantbeeldStore>(sp => Store = new ProbedStore(sp.GetRequiredService<InMemoryKlantbeeldStore>()));
    }

    /// <summary>The embedded read model, with a hook that runs when a register change is about to end.</summary>
    public sealed class ProbedStore(InMemoryKlantbeeldStore inner) : IKlantbeeldStore
    {
        public Func<Guid, Task>? BeforeChangeEnds { get; set; }

        public Task<KlantbeeldDocument?> GetAsync(Guid clientId, CancellationToken ct) => inner.GetAsync(clientId, ct);

        public Task<(KlantbeeldDocument? Document, RegisterStamp Stamp)> GetWithRegisterStampAsync(Guid clientId, CancellationToken ct) =>
            inner.GetWithRegisterStampAsync(clientId, ct);

        public Task<RegisterStamp> StampRegisterAsync(Guid clientId, CancellationToken ct) => inner.StampRegisterAsync(clientId, ct);

        public Task BeginRegisterChangeAsync(Guid clientId, CancellationToken ct) => inner.BeginRegisterChangeAsync(clientId, ct);

        public async Task EndRegisterChangeAsync(Guid clientId, CancellationToken ct)
        {
            if (BeforeChangeEnds is { } probe)
            {
                await probe(clientId);
            }
            await inner.EndRegisterChangeAsync(clientId, ct);
        }

        public Task<KlantbeeldDocument> UpdateAsync(Guid clientId, Func<KlantbeeldDocument?, KlantbeeldDocument> change, CancellationToken ct) =>
            inner.UpdateAsync(clientId, change, ct);

        public Task<WorklistPage> ListWorklistAsync(string team, WorklistFilter filter, int offset, int count, CancellationToken ct) =>
            inner.ListWorklistAsync(team, filter, offset, count, ct);

        public Task ClearAsync(CancellationToken ct) => inner.ClearAsync(ct);
    }
}

public sealed class RememberedRegisterTeamTests(RegisterProbePlatformFixture platform) : IClassFixture<RegisterProbePlatformFixture>
{
    private const string Noord = "verzekeringsarts.arnhem-noord";
    private const string Zuid = "verzekeringsarts.arnhem-zuid";

    private PlatformClient C => platform.Client;

    [Fact]
    public async Task Read_AtTheSameStamp_IsAnsweredWithTheTeamRememberedFromTheRegister()
    {
        var clientId = await PictureOfNewClientAsync();

        await ReadAsync(clientId, Noord);

        var (stamp, team) = await RememberedAsync(clientId);
        stamp.Settled.ShouldBeTrue("the first read stamps the client");
        team.ShouldBe("arnhem-noord");
    }

    [Fact]
    public async Task Read_AfterAMoveCommitted_BeforeItsStampEnded_IsRefusedToTheFormerTeam()
    {
        var clientId = await PictureOfNewClientAsync();
        await ReadAsync(clientId, Noord);
        await ReadAsync(clientId, Noord);
        StatusCode? formerTeam = null;
        platform.Store.BeforeChangeEnds = async id =>
        {
            if (id.ToString() == clientId)
            {
                formerTeam = await StatusOfReadAsync(clientId, Noord);
            }
        };
        try
        {
            await C.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = clientId, NewPostcode = TestData.ZuidPostcode }, C.As(Noord));
        }
        finally
        {
            platform.Store.BeforeChangeEnds = null;
        }

        formerTeam.ShouldBe(StatusCode.PermissionDenied);
        (await StatusOfReadAsync(clientId, Noord)).ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Read_AfterAMove_IsAnsweredWithTheNewTeamRememberedAtTheNewStamp()
    {
        var clientId = await PictureOfNewClientAsync();
        await ReadAsync(clientId, Noord);
        var (before, _) = await RememberedAsync(clientId);

        await C.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = clientId, NewPostcode = TestData.ZuidPostcode }, C.As(Noord));
        await ReadAsync(clientId, Zuid);

        var (after, team) = await RememberedAsync(clientId);
        after.Settled.ShouldBeTrue("a move that ended leaves no change under way");
        after.Version.ShouldNotBe(before.Version);
        team.ShouldBe("arnhem-zuid");
        (await StatusOfReadAsync(clientId, Noord)).ShouldBe(StatusCode.PermissionDenied);
    }

    /// <summary>The client's register stamp now, and the team this process remembers at it (null: none).</summary>
    private async Task<(RegisterStamp Stamp, string? Team)> RememberedAsync(string clientId)
    {
        var id = Guid.Parse(clientId);
        var (_, stamp) = await platform.Store.GetWithRegisterStampAsync(id, CancellationToken.None);
        return (stamp, platform.Service<RegisterTeams>().Remembered.TryGet(id, stamp, out var team) ? team : null);
    }

    private async Task<string> PictureOfNewClientAsync()
    {
        var clientId = await C.NewClientAsync(Noord);
        await Eventually.Until(() => StatusOfReadAsync(clientId, Noord), s => s == StatusCode.OK, what: "the new client's picture");
        return clientId;
    }

    private Task ReadAsync(string clientId, string user) =>
        C.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" }, C.As(user)).ResponseAsync;

    private async Task<StatusCode> StatusOfReadAsync(string clientId, string user)
    {
        try
        {
            await ReadAsync(clientId, user);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
