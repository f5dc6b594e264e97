using Uwv.FaultTests.Invariants;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

[Collection(FaultCollection.Name)]
public sealed class DuplicateDeliveryTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    private const int Copies = 3;
    private static readonly Dictionary<string, string> ThreeDeliveries = new() { ["Bus__Faults__DuplicateDeliveries"] = (Copies - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task EveryMessageDeliveredThreeTimes_TheKlantbeeldInboxesAndKpisShowEachOnce()
    {
        await platform.RestartAllAsync(ThreeDeliveries);
        try
        {
            await using var tap = await platform.Broker.TapAsync("Uwv.Contracts.Events:BeoordelingRecorded");
            await using var run = await FaultRun.StartAsync(platform, output);
            run.Log("every relay publishes each message three times");
            await run.StopAsync(TimeSpan.FromSeconds(15));
            (await run.Invariants().WaitUntilConsistentAsync(PlatformInvariants.Bound)).ShouldBeEmpty();

            // The fault really happened: each beoordeling event was delivered three times, with one MessageId.
            var deliveries = await tap.DrainAsync();
            var perMessage = deliveries.GroupBy(id => id).Select(g => g.Count()).ToList();
            run.Log($"tap saw {deliveries.Count} deliveries of {perMessage.Count} BeoordelingRecorded messages");
            perMessage.ShouldNotBeEmpty();
            perMessage.ShouldAllBe(n => n == Copies);

            await run.FinishAsync();
        }
        finally
        {
            await platform.RestartAllAsync();
        }
    }
}
