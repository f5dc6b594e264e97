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

    private HandoverDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>()
            .UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(interceptors).Options);
}
