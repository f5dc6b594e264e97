using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// The outbox retention on the real PostgreSQL, where the outbox has no index on SentAt (decision 0039): a pass reads
/// the key range of the rows written before the cutoff in windows, never the whole table. The plans of the exact commands EF Core
/// sends are asked for with EXPLAIN. A database of its own.
/// </summary>
public sealed class OutboxRetentionPlanTests() : OwnDatabase("retentionplan")
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    protected override async Task PrepareAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task RetentionPass_DeletesTheExpiredRows_ByRangesOfTheKey_WithoutReadingTheWholeTable()
    {
        // 3,000 rows written and sent 40 days ago, 20,000 written and sent in the last week, 5 written long ago and never sent.
        await ExecuteAsync(Database, $"""
            INSERT INTO outbox_messages ("MessageId", "MessageType", "Payload", "CreatedAt", "SentAt", "Attempts")
            SELECT gen_random_uuid(), 'old', '{"{}"}', '{Now.AddDays(-40):O}'::timestamptz, '{Now.AddDays(-40):O}'::timestamptz, 0 FROM generate_series(1, 3000);
            INSERT INTO outbox_messages ("MessageId", "MessageType", "Payload", "CreatedAt", "SentAt", "Attempts")
            SELECT gen_random_uuid(), 'unsent', '{"{}"}', '{Now.AddDays(-39):O}'::timestamptz, NULL, 7 FROM generate_series(1, 5);
            INSERT INTO outbox_messages ("MessageId", "MessageType", "Payload", "CreatedAt", "SentAt", "Attempts")
            SELECT gen_random_uuid(), 'recent', '{"{}"}', '{Now.AddDays(-3):O}'::timestamptz, '{Now.AddDays(-3):O}'::timestamptz, 0 FROM generate_series(1, 20000);
            ANALYZE outbox_messages;
            """);
        var explain = new ExplainReads();
        var services = new ServiceCollection()
            .AddDbContext<HandoverDbContext>(o => o.UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(explain))
            .BuildServiceProvider();
        var retention = new OutboxRetention<HandoverDbContext>(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new OutboxOptions { RetainSentFor = TimeSpan.FromDays(30) }), new FixedClock(Now),
            NullLogger<OutboxRetention<HandoverDbContext>>.Instance);

        var deleted = await retention.DeleteExpiredAsync(CancellationToken.None);

        deleted.ShouldBe(3000);
        await using var db = Open();
        (await db.OutboxMessages.CountAsync(m => m.MessageType == "unsent")).ShouldBe(5);
        (await db.OutboxMessages.CountAsync(m => m.MessageType == "recent")).ShouldBe(20000);
        explain.Plans.Count.ShouldBeGreaterThan(1);
        foreach (var plan in explain.Plans)
        {
            plan.ShouldNotContain("Seq Scan");
            plan.ShouldContain("using \"PK_outbox_messages\"");
        }
        foreach (var window in explain.Plans.Skip(1))
        {
            window.ShouldContain("(\"Id\" >= ");
        }
    }

    private HandoverDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>()
            .UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(interceptors).Options);
}
