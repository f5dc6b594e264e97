extern alias KlantbeeldService;

using KlantbeeldService::Uwv.Klantbeeld.Domain;
using KlantbeeldService::Uwv.Klantbeeld.Store;
using StackExchange.Redis;
using Uwv.ServiceDefaults.Calendar;

namespace Uwv.FaultTests.ReadModel;

/// <summary>
/// The register stamps' scripts on the real Redis (decision 0045), in a database of its own: a change under way is
/// never overwritten by a first read's stamp, every ended change leaves a new version, and changes that overlap keep the
/// stamp under way until the last one ends. Each test stamps clients of its own and removes their keys afterwards.
/// </summary>
public sealed class RegisterStampOnRedisTests : IAsyncLifetime
{
    private readonly string _redis = Environment.GetEnvironmentVariable("UWV_REDIS")
        ?? throw new InvalidOperationException("UWV_REDIS is not set (scripts/servers.sh env)");
    private readonly List<Guid> _clients = [];
    private IConnectionMultiplexer _connection = null!;
    private RedisKlantbeeldStore _store = null!;

    public async Task InitializeAsync()
    {
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis);
        _store = new RedisKlantbeeldStore(_connection, CalendarExtensions.FromPlatformFile());
    }

    public async Task DisposeAsync()
    {
        await _connection.GetDatabase().KeyDeleteAsync([.. _clients.Select(c => (RedisKey)(RedisKlantbeeldStore.RegisterPrefix + c.ToString("N")))]);
        await _connection.DisposeAsync();
    }

    private Guid NewClient()
    {
        var client = Guid.NewGuid();
        _clients.Add(client);
        return client;
    }

    [Fact]
    public async Task FirstRead_StampsTheClientOnce()
    {
        var client = NewClient();
        (await StampAsync(client)).ShouldBe(RegisterStamp.None);

        var given = await _store.StampRegisterAsync(client, CancellationToken.None);

        given.Settled.ShouldBeTrue();
        (await StampAsync(client)).ShouldBe(given);
        (await _store.StampRegisterAsync(client, CancellationToken.None)).ShouldBe(RegisterStamp.None, "a second first stamp is refused");
        (await StampAsync(client)).ShouldBe(given);
    }

    [Fact]
    public async Task ChangeUnderWay_IsNotOverwrittenByAFirstRead_AndItsEndLeavesANewVersion()
    {
        var client = NewClient();
        var first = await _store.StampRegisterAsync(client, CancellationToken.None);

        await _store.BeginRegisterChangeAsync(client, CancellationToken.None);
        (await StampAsync(client)).ShouldBe(first with { ChangesUnderWay = 1 });
        (await _store.StampRegisterAsync(client, CancellationToken.None)).ShouldBe(RegisterStamp.None);
        (await StampAsync(client)).ChangesUnderWay.ShouldBe(1);

        await _store.EndRegisterChangeAsync(client, CancellationToken.None);
        var ended = await StampAsync(client);
        ended.Settled.ShouldBeTrue();
        ended.Version.ShouldNotBe(first.Version);
    }

    [Fact]
    public async Task OverlappingChanges_KeepTheStampUnderWay_UntilTheLastEnds()
    {
        var client = NewClient();
        await _store.BeginRegisterChangeAsync(client, CancellationToken.None);
        await _store.BeginRegisterChangeAsync(client, CancellationToken.None);

        await _store.EndRegisterChangeAsync(client, CancellationToken.None);
        (await StampAsync(client)).ChangesUnderWay.ShouldBe(1);

        await _store.EndRegisterChangeAsync(client, CancellationToken.None);
        (await StampAsync(client)).Settled.ShouldBeTrue();
    }

    [Fact]
    public async Task ChangeEnded_WithoutAStamp_LeavesASettledStamp()
    {
        var client = NewClient();

        await _store.EndRegisterChangeAsync(client, CancellationToken.None);

        (await StampAsync(client)).Settled.ShouldBeTrue();
    }

    private async Task<RegisterStamp> StampAsync(Guid client) =>
        (await _store.GetWithRegisterStampAsync(client, CancellationToken.None)).Stamp;
}
