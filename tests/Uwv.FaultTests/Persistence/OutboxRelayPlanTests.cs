using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// The relay's next batch on the real PostgreSQL (decision 0036): read from the index of unsent rows by an ordered index
/// scan, not by a bitmap scan of the SentAt index that walks the entries of every row sent since the last vacuum. The
/// plan of the exact command EF Core sends is asked for with EXPLAIN. A database of its own.
/// </summary>
public sealed class OutboxRelayPlanTests() : OwnDatabase("relayplan")
{
    protected override async Task PrepareAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task NextBatch_AfterManyRowsWereSent_IsAnIndexScanOfTheUnsentRows()
    {
        // The relay's life without a vacuum: rows committed, most of them published and stamped, a few still waiting.
        await ExecuteAsync(Database, """
            ALTER TABLE outbox_messages SET (autovacuum_enabled = false);
            INSERT INTO outbox_messages ("MessageId", "MessageType", "Payload", "CreatedAt", "Attempts")
            SELECT gen_random_uuid(), 'HandoverRequested', repeat('x', 300), now(), 0 FROM generate_series(1, 5000);
            ANALYZE outbox_messages;
            UPDATE outbox_messages SET "SentAt" = now() WHERE "Id" <= 4950;
            """);
        var explain = new ExplainReads();
        await using var db = Open(explain);

        var batch = await OutboxQueries.NextBatchAsync(db, 100, CancellationToken.None);

        batch.Count.ShouldBe(50);
        batch.ShouldAllBe(m => m.SentAt == null);
        batch.Select(m => m.Id).ShouldBeInOrder();
        explain.Plan.ShouldContain("Index Scan using \"IX_outbox_messages_unsent\"");
        explain.Plan.ShouldNotContain("Bitmap");
    }

    [Fact]
    public async Task NextBatch_OfAnOutboxWhoseRowsAreOutOfOrder_IsStillAnOrderedIndexScan()
    {
        // An outbox that has run a while: a vacuum has let new row versions fill space anywhere in the table, so the
        // rows no longer lie in the order of their ids, and the statistics saw few unsent rows. Then new rows arrive
        // and most are sent. The planner judges an ordered scan of the index costly here (a random read per row) and
        // would take a bitmap scan and a sort, which walks every dead entry on every pass and marks none.
        await ExecuteAsync(Database, """
            ALTER TABLE outbox_messages SET (autovacuum_enabled = false);
            INSERT INTO outbox_messages ("Id", "MessageId", "MessageType", "Payload", "CreatedAt", "SentAt", "Attempts")
            SELECT g, gen_random_uuid(), 'HandoverRequested', repeat('x', 700), now(), CASE WHEN g > 4990 THEN NULL ELSE now() END, 0
            FROM generate_series(1, 5000) AS g ORDER BY random();
            SELECT setval(pg_get_serial_sequence('outbox_messages', 'Id'), 5000);
            ANALYZE outbox_messages;
            INSERT INTO outbox_messages ("MessageId", "MessageType", "Payload", "CreatedAt", "Attempts")
            SELECT gen_random_uuid(), 'HandoverRequested', repeat('x', 700), now(), 0 FROM generate_series(1, 300);
            UPDATE outbox_messages SET "SentAt" = now() WHERE "Id" <= 5250;
            """);
        var explain = new ExplainReads();
        await using var db = Open(explain);

        var batch = await OutboxQueries.NextBatchAsync(db, 100, CancellationToken.None);

        batch.Count.ShouldBe(50);
        batch.Select(m => m.Id).ShouldBeInOrder();
        explain.Plan.ShouldContain("Index Scan using \"IX_outbox_messages_unsent\"");
        explain.Plan.ShouldNotContain("Bitmap");
    }

    private HandoverDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>()
            .UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(interceptors).Options);
}
