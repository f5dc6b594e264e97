using Uwv.FaultTests.Stream;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

[Collection(FaultCollection.Name)]
public sealed class RelayCrashTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> RelayOff = new() { ["Outbox__RelayEnabled"] = "false" };

    [Fact]
    public async Task RelaysKilledBetweenCommitAndPublish_TheStoredEventsArePublishedAfterTheRestart_AndTakeEffectOnce()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        // A journey whose SMZ dossier the handover service already knows, so its handover can be requested below.
        var known = await run.Stream.DriveAsync(Stage.Assessed);
        await Eventually.Until(() => platform.Databases.CountAsync("handover", "select count(*) from dossier_ownership where \"DossierId\" = @id",
            ("id", Guid.Parse(known.SmzDossierId!))), n => n == 1, TimeSpan.FromSeconds(60), "the handover to know the dossier");

        await Task.WhenAll(platform.RestartAsync("handover", RelayOff), platform.RestartAsync("smz", RelayOff));
        try
        {
            // Committed, not published: a handover requested, nazorg done and transferred; a new SMZ dossier and beoordeling.
            await run.Stream.ContinueAsync(known, Stage.Transferred);
            await run.Stream.DriveAsync(Stage.Assessed);
            foreach (var service in new[] { "handover", "smz" })
            {
                var waiting = await platform.Databases.UnsentOutboxRowsAsync(service);
                run.Log($"{service}: {waiting} events committed, not published");
                waiting.ShouldBeGreaterThan(0);
            }
        }
        finally
        {
            // Killed between commit and publish, then started as usual.
            await Task.WhenAll(platform.RestartAsync("handover"), platform.RestartAsync("smz"));
        }
        run.Healed();
        await run.FinishAsync();
    }
}
