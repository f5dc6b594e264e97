using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Npgsql;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// The invariants every fault test checks after healing, each bounded in time:
/// every committed change's events delivered exactly once in effect; every handover in a valid state with exactly one
/// owner; the KPIs equal to a recount from the handover history; the klantbeeld showing each committed fact once;
/// no message parked in an error queue; and the read model equal to a rebuild from the services' stored events.
/// Owners and pictures are checked for the clients of one test (<paramref name="clients"/>, all when null), so a
/// violation is reported by the test that caused it; deliveries, KPIs, error queues and the rebuild are checked as a whole.
/// </summary>
public sealed class PlatformInvariants(FaultPlatformFixture platform, ITestOutputHelper output, IReadOnlySet<Guid>? clients = null)
{
    /// <summary>
    /// Longer than the slowest recovery the platform is built for: a consumer whose reconnect gave up is restarted
    /// after 60 s (decision 0016); one the client library lost without a word restarts its bus after 15 s, and stopping
    /// a bus on a silent connection waits out the broker calls' timeouts, up to about 110 s (decision 0048). A run that
    /// heals normally is consistent within seconds, and says so in its output.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);

    private const string ProjectionQueue = "klantbeeld-klantbeeld-projection";

    public async Task AssertAllHoldAsync()
    {
        var watch = Stopwatch.StartNew();
        var violations = await WaitUntilConsistentAsync(Bound);
        violations.ShouldBeEmpty(Report("The platform did not become consistent within " + Bound, violations));
        output.WriteLine($"consistent after {watch.Elapsed.TotalSeconds:F1} s");
        var parked = await platform.Broker.NonEmptyParkingQueuesAsync();
        var described = new List<string>();
        foreach (var (queue, count) in parked)
        {
            described.Add($"{queue}: {count} messages, first: {await platform.Broker.DescribeFirstAsync(queue)}");
        }
        described.ShouldBeEmpty(Report("Messages were parked in error (or skipped) queues instead of being processed", described));
        await AssertRebuildEqualsLiveAsync();
        output.WriteLine($"invariants hold after {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Polls the consistency checks until none is violated or <paramref name="bound"/> passes; returns the last violations.</summary>
    public async Task<IReadOnlyList<string>> WaitUntilConsistentAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            List<string> violations;
            try
            {
                violations = await CheckOnceAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or RpcException or TimeoutException)
            {
                violations = [$"could not read the platform: {ex.GetType().Name}: {ex.Message}"];
            }
            if (violations.Count == 0 || DateTime.UtcNow > deadline)
            {
                return violations;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The klantbeeld equals a rebuild: the read model (every picture and worklist index) is snapshotted, rebuilt from
    /// the services' stored events by the operator's RebuildKlantbeeld, and must come back identical.
    /// </summary>
    public async Task AssertRebuildEqualsLiveAsync()
    {
        var watch = Stopwatch.StartNew();
        var live = await ReadModelSnapshot.TakeAsync(platform.Redis, platform.RedisDatabase);
        live.Entries.Count.ShouldBeGreaterThan(0, "the read model is empty before the rebuild");
        var c = platform.Client;
        await c.Klantbeeld.RebuildKlantbeeldAsync(new RebuildKlantbeeldRequest { Reason = "controle na storing" }, c.As("beheerder"));
        var deadline = DateTime.UtcNow + Bound;
        IReadOnlyList<string> differences;
        while (true)
        {
            var rebuilt = await ReadModelSnapshot.TakeAsync(platform.Redis, platform.RedisDatabase);
            differences = live.Differences(rebuilt);
            if (differences.Count == 0 && await ReplayFinishedAsync())
            {
                output.WriteLine($"rebuild reproduced all {live.Entries.Count} read-model keys in {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(500);
        }
        differences.ShouldBeEmpty(Report($"The rebuilt read model differs from the live one ({differences.Count} of {live.Entries.Count} keys)", differences));
    }

    private async Task<List<string>> CheckOnceAsync()
    {
        var facts = await PlatformFacts.LoadAsync(platform.Databases);
        Func<Guid, bool> inScope = clients is null ? _ => true : clients.Contains;
        List<string> violations = [.. DeliveryChecks.Check(facts), .. OwnershipChecks.Check(facts, inScope)];
        if (violations.Count > 0)
        {
            return violations;
        }
        violations = await KpiRecount.CheckAsync(facts, platform.Databases);
        if (violations.Count > 0)
        {
            return violations;
        }
        violations = await PictureChecks.CheckAsync(facts, platform.Client, inScope);
        if (violations.Count > 0)
        {
            return violations;
        }
        var today = DateTime.UtcNow;
        var dashboard = (await platform.Client.HandoverKpis().GetKpiDashboardAsync(new GetKpiDashboardRequest
        {
            FromDate = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ToDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, platform.Client.As("manager"))).Dashboard;
        if (dashboard.Unaccepted.DossiersWithoutOwner != 0)
        {
            violations.Add($"the KPI dashboard counts {dashboard.Unaccepted.DossiersWithoutOwner} dossiers without exactly one owner");
        }
        output.WriteLine($"consistent: {facts.Clients.Count(c => inScope(c.ClientId))} of the test's clients checked; the run holds {facts.Clients.Count} clients, " +
            $"{facts.Handovers.Count} handovers, {facts.Dossiers.Count} dossiers, {facts.Events.Values.Sum(e => e.Count)} committed events");
        return violations;
    }

    /// <summary>Every service has re-published its stored events and the klantbeeld has taken them all.</summary>
    private async Task<bool> ReplayFinishedAsync()
    {
        foreach (var service in FaultPlatformFixture.Services)
        {
            if (await platform.Databases.UnsentOutboxRowsAsync(service) > 0)
            {
                return false;
            }
        }
        return await platform.Broker.MessageCountAsync(ProjectionQueue) == 0;
    }

    private static string Report(string headline, IReadOnlyCollection<string> lines) =>
        headline + ":\n  " + string.Join("\n  ", lines.Take(25)) + (lines.Count > 25 ? $"\n  ... and {lines.Count - 25} more" : "");
}
