using Uwv.FaultTests.Servers;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

[Collection(FaultCollection.Name)]
public sealed class PostgresRestartTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task PostgresRestarted_NoCommittedChangeIsLost_AndNothingIsParkedInAnErrorQueue()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        await ManagedServers.RestartAsync("postgres");
        run.Log("PostgreSQL restarted");
        run.Healed();
        await run.FinishAsync();
    }
}
