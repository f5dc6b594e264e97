using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.Handover.Sla;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// The SLA deadline is a row swept by <see cref="SlaSweep"/>: it fires exactly once, across restarts (a new scope and
/// context, as after a process restart) and with two sweepers racing, on a real SQLite database and a settable clock.
/// </summary>
public sealed class SlaSweepTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly Uwv.Calendar.OfficeHours Office = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile();
    private readonly SettableClock _clock = new(At(2026, 3, 2, 10));
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteHandoverServices.CreateAsync("sla", services => services
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging()
            .AddSingleton<OutboxSignal<HandoverDbContext>>()
            .AddSingleton(Office)
            .AddSingleton(Options.Create(new HandoverOptions { Office = Office }))
            .AddScoped<KpiStore>().AddMetrics().AddSingleton<KpiShardPool>().AddScoped<ScopedKpiShard>().AddScoped<KpiRecorder>().AddScoped<HandoverStore>().AddScoped<SlaSweep>());
    }

    [Fact]
    public async Task AcceptanceDeadline_FiresExactlyOnce_AcrossRestarts_ThenEscalatesToManagerOnce_EvenWithTwoSweepers()
    {
        var handoverId = await TransferredHandover(At(2026, 3, 2, 10));

        _clock.Now = At(2026, 3, 4, 16, 59);
        (await Sweep()).ShouldBe(0);
        _clock.Now = At(2026, 3, 4, 17, 30);
        (await Sweep()).ShouldBe(1);
        (await Sweep()).ShouldBe(0);
        (await Escalations(handoverId)).ShouldBe(["teamleider"]);

        _clock.Now = At(2026, 3, 6, 17, 30);
        var racing = await Task.WhenAll(Sweep(), Sweep());
        racing.Sum().ShouldBe(1);
        (await Sweep()).ShouldBe(0);
        (await Escalations(handoverId)).ShouldBe(["teamleider", "manager"]);

        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.HandoverId == handoverId).ToListAsync();
        deadlines.Count.ShouldBe(2);
        deadlines.ShouldAllBe(d => d.FiredAt != null);
        (await db.Handovers.SingleAsync(h => h.HandoverId == handoverId)).EscalationLevel.ShouldBe(2);
    }

    [Fact]
    public async Task ADeadlineThatFails_DoesNotStopTheOthers_AndIsTriedAgainNextSweep()
    {
        var handoverId = await TransferredHandover(At(2026, 3, 2, 10));
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            // Due first, and failing every time: its handover is not there.
            var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
            db.Deadlines.Add(new HandoverDeadline { DeadlineId = Guid.NewGuid(), HandoverId = Guid.NewGuid(), Level = 1, DueAt = At(2026, 3, 1, 9), Version = 1 });
            await db.SaveChangesAsync();
        }

        _clock.Now = At(2026, 3, 4, 17, 30);
        (await Sweep()).ShouldBe(1);
        (await Escalations(handoverId)).ShouldBe(["teamleider"]);

        await using var check = _database.Services.CreateAsyncScope();
        var stuck = await check.ServiceProvider.GetRequiredService<HandoverDbContext>().Deadlines.AsNoTracking()
            .CountAsync(d => d.FiredAt == null && d.DueAt <= At(2026, 3, 1, 9));
        stuck.ShouldBe(1, "the failing deadline stays unfired, for the next sweep");
    }

    [Fact]
    public async Task AcceptanceBeforeDeadline_ResolvesTheDeadline_SoNothingFires()
    {
        var handoverId = await TransferredHandover(At(2026, 3, 2, 10));
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
            var record = await db.Handovers.SingleAsync(h => h.HandoverId == handoverId);
            var state = HandoverMapping.ToState(record);
            var decision = HandoverDecider.Decide(state, new AcceptHandover("adviseur-werk.arnhem-noord"), new HandoverOptions { Office = Office }, At(2026, 3, 3, 9));
            await scope.ServiceProvider.GetRequiredService<HandoverStore>().SaveAsync(record, state.NextEscalationAt, decision, null, "accept", At(2026, 3, 3, 9), default);
        }

        _clock.Now = At(2026, 3, 10, 9);
        (await Sweep()).ShouldBe(0);
        (await Escalations(handoverId)).ShouldBeEmpty();
    }

    private async Task<Guid> TransferredHandover(DateTimeOffset at)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<HandoverStore>();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var dossierId = Guid.NewGuid();
        var owner = new OwnershipRow(dossierId, dossierId, Guid.NewGuid(), DivisionCode.Smz, "arnhem-noord", true, at.AddDays(-1));
        db.Dossiers.Add(new DossierOwnership { DossierId = dossierId, LineageId = dossierId, ClientId = owner.ClientId, Division = DivisionCode.Smz, Team = "arnhem-noord", Active = true, Since = owner.Since });
        await db.SaveChangesAsync();
        var options = new HandoverOptions { Office = Office };
        var requested = HandoverDecider.Request(new RequestInput(Guid.NewGuid(), owner.ClientId, dossierId, DivisionCode.Smz, DivisionCode.Werkbedrijf,
            "reden", null, "procesbegeleider.arnhem-noord", owner, false, false), options, at.AddHours(-1));
        var record = await store.SaveAsync(null, null, requested, null, "request", at.AddHours(-1), default);
        var reached = HandoverDecider.Decide(requested.State!, new RecordNazorgAttempt("procesbegeleider.arnhem-noord", true, true, true, null, at), options, at);
        await store.SaveAsync(record, null, reached, null, "nazorg", at, default);
        var transfer = HandoverDecider.Decide(reached.State!, new TransferHandover("procesbegeleider.arnhem-noord", [], []), options, at);
        await store.SaveAsync(record, null, transfer, null, "transfer", at, default);
        return record.HandoverId;
    }

    /// <summary>One sweep in a fresh scope and DbContext, as a restarted process would run it.</summary>
    private async Task<int> Sweep()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunOnceAsync(default);
    }

    private async Task<List<string>> Escalations(Guid handoverId)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == nameof(HandoverEscalated)).ToListAsync();
        return rows.Select(r => (HandoverEscalated)EventTypes.Deserialize(r.MessageType, r.Payload))
            .Where(e => e.Handover.HandoverId == handoverId).OrderBy(e => e.Handover.Version).Select(e => e.Level).ToList();
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
