using Uwv.Contracts.Handover.V1;
using Uwv.FaultTests.Stream;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

/// <summary>
/// The SLA sweeper (inside the handover service) is stopped while a handover's acceptance deadline passes, and
/// restarted: the escalation fires, and fires once, however often the sweeper runs or restarts afterwards.
/// The deadline passing is made to happen by moving the stored deadline (a row, as the sweeper sees it) into the past.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SlaSweeperTests(FaultPlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task SweeperStoppedAcrossADeadline_AndRestarted_TheEscalationFiresOnce()
    {
        await using var run = await FaultRun.StartAsync(platform, output);
        var late = await run.Stream.DriveAsync(Stage.Transferred);

        platform.Platform.Process("handover").Kill();
        run.Log("handover service (and its sweeper) stopped");
        await PassDeadlineAsync(late);
        await platform.RestartAsync("handover");
        var escalated = await Eventually.Until(() => GetAsync(late), h => h.State == "escalated", TimeSpan.FromSeconds(60), "the escalation");
        escalated.EscalationLevel.ShouldBe(1);
        run.Log("escalated to the teamleider after the restart");

        // Restarted again, and a later sweep provably ran (it escalated another handover): still one escalation.
        await platform.RestartAsync("handover");
        var marker = await run.Stream.DriveAsync(Stage.Transferred);
        await PassDeadlineAsync(marker);
        await Eventually.Until(() => GetAsync(marker), h => h.State == "escalated", TimeSpan.FromSeconds(60), "a later sweep");
        run.Healed();

        (await GetAsync(late)).EscalationLevel.ShouldBe(1);
        (await EscalationEventsAsync(late)).ShouldBe(1);
        var deadlines = await platform.Databases.QueryAsync("handover",
            "select \"Level\", \"FiredAt\" is not null, \"DueAt\" > now() from handover_deadlines where \"HandoverId\" = @id and \"ResolvedAt\" is null order by \"Level\"",
            r => (r.GetInt32(0), r.GetBoolean(1), r.GetBoolean(2)), ("id", Guid.Parse(late.HandoverId!)));
        // The teamleider deadline fired once; the manager deadline runs, in the future.
        deadlines.ShouldBe([(1, true, false), (2, false, true)]);
        await run.FinishAsync();
    }

    /// <summary>
    /// Time passes: the stored acceptance deadline now lies in the past. The handover row goes first, so a sweep
    /// running in between (the sweeper runs when the marker's deadline is moved) never sees a due deadline row
    /// beside a handover whose escalation is still in the future, which it would fire without escalating.
    /// </summary>
    private async Task PassDeadlineAsync(Journey journey)
    {
        var id = ("id", (object)Guid.Parse(journey.HandoverId!));
        (await platform.Databases.ExecuteAsync("handover",
            "update handovers set \"DueAt\" = now() - interval '1 minute', \"NextEscalationAt\" = now() - interval '1 minute' where \"HandoverId\" = @id", id))
            .ShouldBe(1);
        (await platform.Databases.ExecuteAsync("handover",
            "update handover_deadlines set \"DueAt\" = now() - interval '1 minute' where \"HandoverId\" = @id and \"FiredAt\" is null and \"ResolvedAt\" is null", id))
            .ShouldBe(1);
    }

    private async Task<Uwv.Contracts.Handover.V1.Handover> GetAsync(Journey journey) =>
        (await platform.Client.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = journey.HandoverId },
            platform.Client.As(journey.User("procesbegeleider")))).Handover;

    private Task<long> EscalationEventsAsync(Journey journey) =>
        platform.Databases.CountAsync("handover",
            "select count(*) from outbox_messages where \"MessageType\" = 'HandoverEscalated' and \"Payload\" like @id",
            ("id", $"%{journey.HandoverId}%"));
}
