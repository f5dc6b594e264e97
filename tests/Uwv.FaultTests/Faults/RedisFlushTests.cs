using Uwv.Contracts.Klantbeeld.V1;
using Uwv.FaultTests.Invariants;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

[Collection(FaultCollection.Name)]
public sealed class RedisFlushTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task RedisFlushed_TheOperatorsRebuildRestoresEveryPicture_FromTheServicesStoredEvents()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        var before = await ReadModelSnapshot.TakeAsync(platform.Redis, platform.RedisDatabase);
        await platform.FlushRedisAsync();
        var after = await ReadModelSnapshot.TakeAsync(platform.Redis, platform.RedisDatabase);
        run.Log($"Redis flushed: {before.Entries.Count} read-model keys before, {after.Entries.Count} right after");
        after.Entries.Count.ShouldBeLessThan(before.Entries.Count);

        // Redis holds nothing that cannot be rebuilt: the operator rebuilds while the stream goes on.
        var c = platform.Client;
        await c.Klantbeeld.RebuildKlantbeeldAsync(new RebuildKlantbeeldRequest { Reason = "Redis leeg na storing" }, c.As("beheerder"));
        run.Healed();
        await run.FinishAsync();
    }
}
