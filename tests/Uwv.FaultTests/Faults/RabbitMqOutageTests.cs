using Uwv.FaultTests.Servers;
using Uwv.FaultTests.Stream;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

[Collection(FaultCollection.Name)]
public sealed class RabbitMqOutageTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RabbitMqStoppedForTenSeconds_WorkIsKeptInTheOutboxes_AndDeliveredOnceAfterTheRestart()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        var requested = await run.Stream.DriveAsync(Stage.Requested);
        await ManagedServers.StopAsync("rabbitmq");
        var down = DateTime.UtcNow;
        try
        {
            run.Log("RabbitMQ stopped");
            // The handover's commands need no broker: they are committed, and their events wait in the outbox.
            await run.Stream.ContinueAsync(requested, Stage.Transferred);
            var waiting = await UnsentAsync();
            run.Log($"handover {requested.HandoverId} transferred while the broker is down; {waiting} committed events wait in the outboxes; stream: {run.Stream}");
            waiting.ShouldBeGreaterThan(0);
            var rest = Outage - (DateTime.UtcNow - down);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }
        finally
        {
            await ManagedServers.StartAsync("rabbitmq");
        }
        run.Healed();
        await run.FinishAsync();
    }

    private async Task<long> UnsentAsync()
    {
        long total = 0;
        foreach (var service in FaultPlatformFixture.Services)
        {
            total += await platform.Databases.UnsentOutboxRowsAsync(service);
        }
        return total;
    }
}
