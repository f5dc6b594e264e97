using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Uwv.Contracts.Events;
using Uwv.Handover;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// A write of only inserts goes to the real PostgreSQL in one round trip: the staged rows and the statement that must come
/// last (the KPI increments) in one command without BEGIN, which PostgreSQL runs as one implicit transaction (decision
/// 0040). All of it or nothing is written; a save with an update keeps its explicit transaction; a transient failure
/// repeats the write once, or recognises it as done. A database of its own.
/// </summary>
public sealed class OneTripWriteTests() : OwnDatabase("onetrip")
{
    private const string Team = "arnhem-noord";
    private static readonly DateTimeOffset At = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    protected override async Task PrepareAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task NewHandover_IsOneCommandWithoutTransaction_CarryingItsRowsAndItsKpiIncrements()
    {
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);

        var handoverId = await RequestAsync(db);

        trips.Transactions.ShouldBe(0);
        var writes = trips.Commands.Where(c => c.Contains("INSERT", StringComparison.Ordinal)).ToList();
        writes.Count.ShouldBe(1, "the whole write is one command");
        writes[0].ShouldContain("INSERT INTO \"handovers\"");
        writes[0].ShouldContain("INSERT INTO \"outbox_messages\"");
        writes[0].ShouldContain("INSERT INTO kpi_counters");
        await using var check = Open();
        (await check.Handovers.CountAsync(h => h.HandoverId == handoverId)).ShouldBe(1);
        (await check.KpiCounters.Where(c => c.Metric == KpiMetrics.Requested).SumAsync(c => c.Value)).ShouldBe(3, "a day, a month and a year row");
    }

    [Fact]
    public async Task OneTripWrite_WithSeveralLastStatements_SendsThemAllInTheSameCommand()
    {
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        StageDossier(db);
        var counter = new SqlStatement(
            "INSERT INTO kpi_counters (\"Period\",\"Team\",\"FromDivision\",\"ToDivision\",\"Metric\",\"Shard\",\"Value\") "
            + "VALUES ({0},{1},{2},{3},{4},0,1) ON CONFLICT (\"Period\",\"Team\",\"FromDivision\",\"ToDivision\",\"Metric\",\"Shard\") "
            + "DO UPDATE SET \"Value\" = kpi_counters.\"Value\" + excluded.\"Value\";",
            [20260304, Team, (int)DivisionCode.Smz, (int)DivisionCode.Werkbedrijf, KpiMetrics.Requested]);
        var (counters, gauges) = await SumsAsync();

        await db.SaveWithLastStatementAsync([counter, GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);

        trips.Transactions.ShouldBe(0);
        trips.Commands.Count(c => c.Contains("INSERT", StringComparison.Ordinal)).ShouldBe(1, "the rows and both statements are one command");
        (await SumsAsync()).ShouldBe((counters + 1, gauges + 1));
    }

    [Fact]
    public async Task OneTripWrite_StoresEveryColumnAsStaged_AndReadsBackTheGeneratedKeys()
    {
        await using var db = Open();
        var dossier = StageDossier(db);

        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);

        db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged, "a committed write is accepted");
        var outbox = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
        outbox.ShouldNotBeEmpty();
        await using var check = Open();
        var stored = await check.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        outbox.OrderBy(m => m.Id).Select(Json).ShouldBe(stored.Select(Json), "the generated ids read back belong to the rows written");
        Json(await check.Dossiers.AsNoTracking().SingleAsync(d => d.DossierId == dossier.DossierId)).ShouldBe(Json(dossier));
    }

    [Fact]
    public async Task NewHandover_IsWrittenFromItsObjects_StoringEveryColumn_AndLeavingNothingTracked()
    {
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        var store = Store(db);

        var record = await SaveRequestAsync(store);

        db.ChangeTracker.Entries().ShouldBeEmpty("the rows went from their objects, outside the change tracker");
        trips.Commands.Count(c => c.Contains("INSERT", StringComparison.Ordinal)).ShouldBe(1);
        await using var check = Open();
        Json(await check.Handovers.AsNoTracking().SingleAsync(h => h.HandoverId == record.HandoverId)).ShouldBe(Json(record));
        (await check.History.AsNoTracking().Where(h => h.HandoverId == record.HandoverId).OrderBy(h => h.Seq).ToListAsync()).Select(Json)
            .ShouldBe(store.WrittenHistory.OrderBy(h => h.Seq).Select(Json));
        (await check.Deadlines.CountAsync(d => d.HandoverId == record.HandoverId)).ShouldBe(record.NextEscalationAt is null ? 0 : 1);
        (await check.OutboxMessages.CountAsync(m => m.MessageType == nameof(HandoverRequested))).ShouldBe(1);
    }

    [Fact]
    public async Task OneTripWrite_OfStagedRows_ReadsEachGeneratedKeyIntoItsOwnObject()
    {
        await using var db = Open();
        List<OutboxMessage> messages;
        using (db.StageOutsideTracker())
        {
            messages = [.. Enumerable.Range(0, 3).Select(_ => StagedEvent(db))];
            await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);
        }

        db.ChangeTracker.Entries().ShouldBeEmpty();
        await using var check = Open();
        var stored = await check.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.MessageId);
        messages.ShouldAllBe(m => stored[m.MessageId].Id == m.Id, "each row's generated key is read back to the object of that row");
        messages.Select(Json).ShouldBe(messages.Select(m => Json(stored[m.MessageId])));
    }

    [Fact]
    public async Task OneTripWrite_OfStagedRows_ThatFailsAfterReadingItsKeys_ForgetsThem_SoTheNextAttemptIsWrittenWithFreshKeys()
    {
        await using var db = Open();
        using var staging = db.StageOutsideTracker();
        var message = StagedEvent(db);

        await Should.ThrowAsync<Exception>(() => db.SaveWithLastStatementAsync(
            [new SqlStatement("SELECT 1 / {0}", [0])], _ => Task.FromResult(false), CancellationToken.None));

        message.Id.ShouldBe(0, "the key read back belongs to a row that was rolled back");
        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);
        await using var check = Open();
        (await check.OutboxMessages.AsNoTracking().SingleAsync()).Id.ShouldBe(message.Id);
    }

    [Fact]
    public async Task OneTripWrite_OfTrackedRows_ThatFailsAfterReadingItsKeys_GivesThemBackTheirTemporaryKeys()
    {
        await using var db = Open();
        StageDossier(db);

        await Should.ThrowAsync<Exception>(() => db.SaveWithLastStatementAsync(
            [new SqlStatement("SELECT 1 / {0}", [0])], _ => Task.FromResult(false), CancellationToken.None));

        db.ChangeTracker.Entries<OutboxMessage>().Single().Property(m => m.Id).IsTemporary.ShouldBeTrue();
        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);
        await using var check = Open();
        (await check.OutboxMessages.AsNoTracking().SingleAsync()).Id.ShouldBe(db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id);
    }

    [Fact]
    public async Task OneTripWrite_OfStagedRows_InAWriteCall_RepeatedAfterATransientFailure_CommitsOneAuditRecord()
    {
        var failing = new FailOnce(afterSave: false);
        await using var db = Open(failing);
        var write = AuditedWrite.Begin(id => new PersonalDataAccessed(
            id, At, "verzekeringsarts-1", "verzekeringsarts", Team, null, "uwv.handover.v1.HandoverService", "RequestHandover",
            "handover", null, "allowed"));
        try
        {
            using var staging = db.StageOutsideTracker();
            StagedEvent(db);
            await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);
        }
        finally
        {
            AuditedWrite.End();
        }

        failing.Saves.ShouldBe(2);
        write.Committed.ShouldBeTrue();
        await using var check = Open();
        (await check.OutboxMessages.CountAsync(m => m.MessageType == EventTypes.NameOf(typeof(PersonalDataAccessedBatch)))).ShouldBe(1);
        (await check.OutboxMessages.CountAsync(m => m.MessageType == nameof(DossierOpened))).ShouldBe(1);
    }

    private static OutboxMessage StagedEvent(HandoverDbContext db) =>
        db.Publish(new DossierOpened(Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Smz, Team, "verzekeringsarts-1", At), At);

    [Fact]
    public async Task OneTripWrite_PutsTheRowsOfOneTable_InOneInsert_AndGivesEachRowItsOwnGeneratedKey()
    {
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        var dossiers = Enumerable.Range(0, 3).Select(_ => StageDossier(db)).ToList();

        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);

        var write = trips.Commands.Single(c => c.Contains("INSERT", StringComparison.Ordinal));
        Occurrences(write, "INSERT INTO \"dossier_ownership\"").ShouldBe(1, "three dossiers, one statement");
        Occurrences(write, "INSERT INTO \"outbox_messages\"").ShouldBe(1, "three events, one statement");
        var staged = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
        staged.Count.ShouldBe(3);
        await using var check = Open();
        var stored = await check.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.MessageId);
        staged.ShouldAllBe(m => stored[m.MessageId].Id == m.Id, "each row's generated key is read back to the entity of that row");
        staged.Select(m => m.Id).Distinct().Count().ShouldBe(3);
        (await check.Dossiers.CountAsync()).ShouldBe(dossiers.Count);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task OneTripWrite_InAWriteCall_CommitsTheCallsAuditRecordWithIt()
    {
        await using var db = Open();
        var write = AuditedWrite.Begin(id => new PersonalDataAccessed(
            id, At, "verzekeringsarts-1", "verzekeringsarts", Team, null, "uwv.handover.v1.HandoverService", "RequestHandover",
            "handover", null, "allowed"));
        try
        {
            await RequestAsync(db);
        }
        finally
        {
            AuditedWrite.End();
        }

        write.Committed.ShouldBeTrue();
        await using var check = Open();
        var audit = await check.OutboxMessages.SingleAsync(m => m.MessageType == EventTypes.NameOf(typeof(PersonalDataAccessedBatch)));
        audit.Payload.ShouldContain(write.AuditId.ToString());
    }

    private async Task<(long Counters, long Gauges)> SumsAsync()
    {
        await using var check = Open();
        return (await check.KpiCounters.SumAsync(c => c.Value), await check.KpiGauges.SumAsync(g => g.Value));
    }

    private static string Json(object row) => System.Text.Json.JsonSerializer.Serialize(row, row.GetType());

    [Fact]
    public async Task OneTripWrite_WhenItsLastStatementFails_WritesNoneOfItsRows()
    {
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        var dossier = StageDossier(db);

        await Should.ThrowAsync<Exception>(() => db.SaveWithLastStatementAsync(
            [GaugeIncrement(), new SqlStatement("SELECT 1 / {0}", [0])], _ => Task.FromResult(false), CancellationToken.None));

        trips.Transactions.ShouldBe(0);
        await using var check = Open();
        (await check.Dossiers.CountAsync(d => d.DossierId == dossier.DossierId)).ShouldBe(0);
        (await check.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task OneTripWrite_WhenAStagedInsertFails_LeavesOutItsLastStatement()
    {
        await using (var first = Open())
        {
            var existing = StageDossier(first);
            await first.SaveChangesAsync();
            await using var db = Open();
            db.Dossiers.Add(new DossierOwnership
            {
                DossierId = existing.DossierId, LineageId = Guid.NewGuid(), ClientId = Guid.NewGuid(), Division = DivisionCode.Smz,
                Team = Team, Active = true, Since = At,
            });

            await Should.ThrowAsync<DbUpdateException>(() => db.SaveWithLastStatementAsync(
                [GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None));
        }

        await using var check = Open();
        (await check.KpiGauges.CountAsync(g => g.Metric == KpiMetrics.OpenDossiers)).ShouldBe(0);
    }

    [Fact]
    public async Task Save_WithAnUpdate_KeepsItsExplicitTransaction()
    {
        var dossier = await StoredDossierAsync();
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        var tracked = await db.Dossiers.SingleAsync(d => d.DossierId == dossier.DossierId);
        tracked.Active = false;
        StageDossier(db);

        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);

        trips.Transactions.ShouldBe(1, "a failed concurrency check is seen only after the batch, so it must still roll back");
        await using var check = Open();
        (await check.Dossiers.SingleAsync(d => d.DossierId == dossier.DossierId)).Active.ShouldBeFalse();
        (await check.KpiGauges.Where(g => g.Metric == KpiMetrics.OpenDossiers).SumAsync(g => g.Value)).ShouldBe(1);
    }

    [Fact]
    public async Task Save_WithAnUnchangedTrackedRowBesideItsInserts_StillGoesInOneTrip()
    {
        var dossier = await StoredDossierAsync();
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        await db.Dossiers.SingleAsync(d => d.DossierId == dossier.DossierId);
        var added = StageDossier(db);

        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);

        trips.Transactions.ShouldBe(0, "a row read and left as it was is no update");
        await using var check = Open();
        (await check.Dossiers.CountAsync(d => d.DossierId == added.DossierId)).ShouldBe(1);
    }

    [Fact]
    public async Task OneTripWrite_LeavesChangeDetectionOn_SoALaterChangeOfTheSameContextIsSaved()
    {
        await using var db = Open();
        var dossier = StageDossier(db);

        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);
        dossier.Active = false;
        await db.SaveChangesAsync();

        db.ChangeTracker.AutoDetectChangesEnabled.ShouldBeTrue();
        await using var check = Open();
        (await check.Dossiers.SingleAsync(d => d.DossierId == dossier.DossierId)).Active.ShouldBeFalse();
    }

    [Fact]
    public async Task Save_OfMoreRowsThanOneTripTakes_KeepsItsExplicitTransaction()
    {
        using var trips = new RoundTrips(Database);
        await using var db = Open(trips);
        // Each dossier stages two rows, itself and its event.
        var dossiers = ResilientTransactions.OneTripRows / 2;
        for (var i = 0; i < dossiers; i++)
        {
            StageDossier(db);
        }

        await db.SaveWithLastStatementAsync([GaugeIncrement()], _ => Task.FromResult(false), CancellationToken.None);

        trips.Transactions.ShouldBe(1, "a write too large for one command must not be split into parts that commit one by one");
        await using var check = Open();
        (await check.Dossiers.CountAsync()).ShouldBe(dossiers);
    }

    [Fact]
    public async Task OneTripWrite_FailingTransientlyBeforeItIsSent_IsRepeated_AndWrittenOnce()
    {
        var failing = new FailOnce(afterSave: false);
        await using var db = Open(failing);
        var dossier = StageDossier(db);

        await db.SaveWithLastStatementAsync([GaugeIncrement()], Written(dossier), CancellationToken.None);

        failing.Failures.ShouldBe(1);
        failing.Saves.ShouldBe(2);
        await ShouldBeWrittenOnceAsync(dossier);
    }

    [Fact]
    public async Task OneTripWrite_WhoseAnswerIsLost_IsRecognisedAsDone_AndNotRepeated()
    {
        var failing = new FailOnce(afterSave: true);
        await using var db = Open(failing);
        var dossier = StageDossier(db);

        await db.SaveWithLastStatementAsync([GaugeIncrement()], Written(dossier), CancellationToken.None);

        failing.Failures.ShouldBe(1);
        failing.Saves.ShouldBe(1);
        await ShouldBeWrittenOnceAsync(dossier);
    }

    private Func<CancellationToken, Task<bool>> Written(DossierOwnership dossier) => async ct =>
    {
        await using var check = Open();
        return await check.Dossiers.AnyAsync(d => d.DossierId == dossier.DossierId, ct);
    };

    private async Task ShouldBeWrittenOnceAsync(DossierOwnership dossier)
    {
        await using var check = Open();
        (await check.Dossiers.CountAsync(d => d.DossierId == dossier.DossierId)).ShouldBe(1);
        (await check.KpiGauges.Where(g => g.Metric == KpiMetrics.OpenDossiers).SumAsync(g => g.Value)).ShouldBe(1);
    }

    /// <summary>A request for a handover of a new SMZ dossier, saved by the handover service's own store.</summary>
    private static async Task<Guid> RequestAsync(HandoverDbContext db) => (await SaveRequestAsync(Store(db))).HandoverId;

    private static HandoverStore Store(HandoverDbContext db)
    {
        var kpis = new KpiStore(db);
        return new HandoverStore(db, new KpiRecorder(db, kpis, CalendarExtensions.FromPlatformFile()), kpis, new OutboxSignal<HandoverDbContext>());
    }

    private static Task<HandoverRecord> SaveRequestAsync(HandoverStore store)
    {
        var (dossierId, clientId) = (Guid.NewGuid(), Guid.NewGuid());
        var owner = OwnershipLedger.Owner(OwnershipLedger.Open([], dossierId, clientId, DivisionCode.Smz, Team, At), dossierId);
        var input = new RequestInput(Guid.NewGuid(), clientId, dossierId, DivisionCode.Smz, DivisionCode.Werkbedrijf, "reden", null,
            "verzekeringsarts-1", owner, OpenHandoverExists: false, ClientHasSignalen: false);
        var decision = HandoverDecider.Request(input, new HandoverOptions { Office = CalendarExtensions.FromPlatformFile() }, At);
        return store.SaveAsync(null, null, decision, "request-1", "request", At, CancellationToken.None);
    }

    /// <summary>A dossier saved before the test's own write.</summary>
    private async Task<DossierOwnership> StoredDossierAsync()
    {
        await using var first = Open();
        var dossier = StageDossier(first);
        await first.SaveChangesAsync();
        return dossier;
    }

    private static DossierOwnership StageDossier(HandoverDbContext db)
    {
        var dossier = new DossierOwnership
        {
            DossierId = Guid.NewGuid(), LineageId = Guid.NewGuid(), ClientId = Guid.NewGuid(), Division = DivisionCode.Smz,
            Team = Team, Active = true, Since = At,
        };
        db.Dossiers.Add(dossier);
        db.Publish(new DossierOpened(dossier.DossierId, dossier.ClientId, DivisionCode.Smz, Team, "verzekeringsarts-1", At), At);
        return dossier;
    }

    /// <summary>The open-dossier gauge of the team one up, on shard 0.</summary>
    private static SqlStatement GaugeIncrement() => new(
        "INSERT INTO kpi_gauges (\"Team\",\"Division\",\"Metric\",\"Shard\",\"Value\") VALUES ({0},{1},{2},0,1) "
        + "ON CONFLICT (\"Team\",\"Division\",\"Metric\",\"Shard\") DO UPDATE SET \"Value\" = kpi_gauges.\"Value\" + excluded.\"Value\";",
        [Team, (int)DivisionCode.Smz, KpiMetrics.OpenDossiers]);

    private HandoverDbContext Open(IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<HandoverDbContext>().UseNpgsql(
            PersistenceExtensions.WithPoolDefaults(ConnectionString), npgsql =>
            {
                npgsql.EnableRetryOnFailure(PersistenceExtensions.TransientRetries, TimeSpan.FromMilliseconds(50), null);
                PostgresMigrations.Configure(npgsql, "handover");
            });
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }
        return new HandoverDbContext(options.Options);
    }

    /// <summary>
    /// The commands sent to this class's database, as Npgsql reports each one it executes (a batch is one), and the
    /// transactions begun through EF Core.
    /// </summary>
    private sealed class RoundTrips : IDbTransactionInterceptor, IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<string> _commands = [];

        public RoundTrips(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem("db.namespace"), database))
                    {
                        lock (_commands)
                        {
                            _commands.Add(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<string> Commands
        {
            get
            {
                lock (_commands)
                {
                    return [.. _commands];
                }
            }
        }

        public int Transactions { get; private set; }

        public ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Transactions++;
            return ValueTask.FromResult(result);
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>
    /// Fails the first write with a transient PostgreSQL error (40001): when it opens its connection, before anything is
    /// sent; or when it gives the connection back after the batch, which is then committed but its answer lost.
    /// </summary>
    private sealed class FailOnce(bool afterSave) : DbConnectionInterceptor
    {
        public int Failures { get; private set; }
        public int Saves { get; private set; }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Saves++;
            if (!afterSave && Failures == 0)
            {
                Failures++;
                throw Transient();
            }
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            if (afterSave && Failures == 0)
            {
                Failures++;
                throw Transient();
            }
            return ValueTask.FromResult(result);
        }

        private static PostgresException Transient() =>
            new("could not serialize access due to concurrent update", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
    }
}
