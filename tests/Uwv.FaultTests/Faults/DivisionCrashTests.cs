using Uwv.FaultTests.Stream;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

[Collection(FaultCollection.Name)]
public sealed class DivisionCrashTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task WerkbedrijfKilledMidHandover_AndRestarted_EveryTransferArrivesOnce_AndEachDossierHasOneOwner()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        // A transfer was just committed: its DossierTransferred is on its way to Werkbedrijf when Werkbedrijf dies.
        var first = await run.Stream.DriveAsync(Stage.Transferred);
        platform.Platform.Process("werkbedrijf").Kill();
        run.Log($"werkbedrijf killed right after handover {first.HandoverId} was transferred to it");
        try
        {
            // Handovers to the dead division go on: their transfers wait in its queue.
            var second = await run.Stream.DriveAsync(Stage.Transferred);
            run.Log($"handover {second.HandoverId} transferred to werkbedrijf while it was down");
        }
        finally
        {
            await platform.RestartAsync("werkbedrijf");
        }
        run.Healed();
        await run.FinishAsync();
    }

    /// <summary>
    /// The sending division is down while its dossiers go to Werkbedrijf and come back: after the restart it receives
    /// each transfer and its return at once. Each lineage must end with its SMZ dossier open, and only that one.
    /// </summary>
    [Fact]
    public async Task SmzKilledWhileItsDossiersAreTransferredAndReturned_AfterTheRestartEachDossierHasOneOwner()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        var journeys = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => run.Stream.DriveAsync(Stage.NazorgDone)));
        platform.Platform.Process("smz").Kill();
        run.Log("smz killed; its dossiers are transferred to werkbedrijf and returned while it is down");
        try
        {
            foreach (var journey in journeys)
            {
                await run.Stream.ContinueAsync(journey, Stage.ArrivedInWerkbedrijf);
                await run.Stream.ReturnAsync(journey);
            }
        }
        finally
        {
            await platform.RestartAsync("smz");
        }
        run.Healed();
        await run.FinishAsync();
    }
}
