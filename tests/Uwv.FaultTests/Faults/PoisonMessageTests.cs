using Uwv.FaultTests.Servers;
using Uwv.FaultTests.Stream;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

/// <summary>
/// A message Uitkeren cannot process: SMZ's WiaClaimDecided (a decided WIA claim, which ends the reason for a
/// voorschot) arrives while Uitkeren's database refuses connections, longer than the consumer's retries last. It is
/// parked in the consumer's error queue, where operators see it; Uitkeren does not know of the decision until, after
/// the fix, the operator replays Uitkeren's error queues with scripts/replay-errors.sh.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PoisonMessageTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    private const string Queue = "uitkeren-wia-claim-decision";
    private static readonly string ErrorQueue = Queue + "_error";
    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "replay-errors.sh");
    private const string Operator = "beheerder.poison-test";

    [Fact]
    public async Task UnprocessableMessage_LandsInTheErrorQueue_IsVisibleToOperators_AndIsReplayedAfterTheFix()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        var database = platform.Databases.DatabaseName("uitkeren");
        Journey decided;
        await SetConnectionsAsync(database, allowed: false);
        try
        {
            decided = await run.Stream.DriveAsync(Stage.Assessed);
            var message = await MessageIdOfAsync(decided);
            run.Log($"beoordeling {decided.BeoordelingId} (message {message}) recorded while uitkeren's database refuses connections");
            // Each consume attempt first retries the database itself (Npgsql's retrying strategy, decision 0027), and the
            // bus retries the message five times: a message whose database stays away parks after a minute or more.
            await Eventually.Until(() => platform.Broker.MessageCountAsync(ErrorQueue), n => n >= 1, TimeSpan.FromSeconds(240), "a message in " + ErrorQueue);
            var parked = await ParkedAsync(message);
            run.Log($"{parked} messages parked in {ErrorQueue}, the decision among them");
        }
        finally
        {
            await SetConnectionsAsync(database, allowed: true);
        }
        run.Log("fixed: uitkeren's database accepts connections again");

        string listing;
        long knownBeforeReplay;
        var replays = new List<string>();
        try
        {
            // Operators see it (rabbitmqctl's counts lag by a few seconds); nothing retries it by itself.
            listing = await Eventually.Until(() => Shell.RunAsync(Script, ["list", platform.VirtualHost], TimeSpan.FromSeconds(180)),
                l => l.Contains(ErrorQueue, StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the error queue in the operator's list");
            run.Log("replay-errors.sh list:\n" + listing);
            knownBeforeReplay = await KnownDecisionsAsync(decided);
        }
        finally
        {
            // After the fix the operator replays every error queue of Uitkeren (its transfers may have failed too).
            foreach (var parked in (await platform.Broker.NonEmptyParkingQueuesAsync()).Keys
                .Where(q => q.StartsWith("uitkeren-", StringComparison.Ordinal) && q.EndsWith("_error", StringComparison.Ordinal)))
            {
                var replayed = await Shell.RunAsync(Script,
                    [parked[..^"_error".Length], "--by", Operator, "--reason", "uitkeren's database accepts connections again", "--uri", platform.RabbitMq],
                    TimeSpan.FromSeconds(240));
                run.Log("replay-errors.sh:\n" + replayed);
                replays.Add(replayed);
            }
        }
        knownBeforeReplay.ShouldBe(0, "Uitkeren learnt of the decision without a replay");
        replays.ShouldContain(r => r.Contains($"from {ErrorQueue} to {Queue}", StringComparison.Ordinal));
        await Eventually.Until(() => KnownDecisionsAsync(decided), n => n == 1, TimeSpan.FromSeconds(60), "the replayed decision in uitkeren");
        (await platform.Broker.MessageCountAsync(ErrorQueue)).ShouldBe(0u);
        // The replay is in the audit log: who moved which queue's messages, and why.
        await Eventually.Until(() => platform.Databases.CountAsync(PlatformDatabases.Audit,
                "select count(*) from audit_entries where \"Subject\" = @who and \"Method\" = 'ReplayErrorQueue' and \"Purpose\" like @what",
                ("who", Operator), ("what", $"% from {ErrorQueue} to {Queue}; reason: uitkeren's database accepts connections again")),
            n => n == 1, TimeSpan.FromSeconds(60), "the replay's record in the audit store");
        run.Healed();
        await run.FinishAsync();
    }

    /// <summary>
    /// Waits until the message is in the error queue (it may still be in its retries). Looking is a delivery of every
    /// parked message (a quorum queue may limit those), so this looks once a second, not more.
    /// </summary>
    private async Task<int> ParkedAsync(string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var ids = await platform.Broker.MessageIdsAsync(ErrorQueue);
            if (ids.Contains(message))
            {
                return ids.Count;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"message {message} was not parked in {ErrorQueue}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The MessageId of the journey's WiaClaimDecided, as SMZ's outbox holds it.</summary>
    private async Task<string> MessageIdOfAsync(Journey journey) =>
        (await platform.Databases.QueryAsync("smz",
            "select \"MessageId\" from outbox_messages where \"MessageType\" = 'WiaClaimDecided' and \"Payload\" like @id",
            r => r.GetGuid(0).ToString(), ("id", $"%{journey.BeoordelingId}%"))).Single();

    private Task<long> KnownDecisionsAsync(Journey journey) =>
        platform.Databases.CountAsync("uitkeren", "select count(*) from wia_claim_decisions where \"BeoordelingId\" = @id",
            ("id", Guid.Parse(journey.BeoordelingId!)));

    /// <summary>The database refuses (or accepts) new connections; refusing also ends the open ones.</summary>
    private async Task SetConnectionsAsync(string database, bool allowed)
    {
        await platform.Databases.ExecuteOnServerAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}");
        if (!allowed)
        {
            await platform.Databases.ExecuteOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        }
    }
}
