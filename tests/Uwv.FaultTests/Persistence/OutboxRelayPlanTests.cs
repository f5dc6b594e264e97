using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// The relay's next batch on the real PostgreSQL (decision 0036): read from the index of unsent rows by an ordered index
/// scan, not by a bitmap scan of the SentAt index that walks the entries of every row sent since the last vacuum. The
/// plan of the exact command EF Core sends is asked for with EXPLAIN. A database of its own.
/// </summary>
public sealed class OutboxRelayPlanTests : IAsyncLifetime
{
    private readonly string _superuser = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");
    private readonly string _database = "relayplan_" + Guid.NewGuid().ToString("N")[..12];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_superuser) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{_database}\"");
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task NextBatch_AfterManyRowsWereSent_IsAnIndexScanOfTheUnsentRows()
    {
        // The relay's life without a vacuum: rows committed, most of them published and stamped, a few still waiting.
        await ExecuteAsync(_database, """
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

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private HandoverDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>()
            .UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(interceptors).Options);

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_superuser) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Before a query runs, asks PostgreSQL for the plan of the same command text with the same parameters.</summary>
    private sealed class ExplainReads : DbCommandInterceptor
    {
        public string Plan { get; private set; } = "";

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN " + command.CommandText;
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }
            Plan = string.Join('\n', lines);
            return result;
        }
    }
}
