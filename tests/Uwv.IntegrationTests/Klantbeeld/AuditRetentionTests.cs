using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Uwv.Klantbeeld.Audit;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary><see cref="AuditRetention"/> on a real SQLite audit database.</summary>
public sealed class AuditRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "uwv-audit-retention-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly DeleteCounter _deletes = new();
    private DbContextOptions<AuditDbContext> _options = null!;

    public async Task InitializeAsync()
    {
        _options = new DbContextOptionsBuilder<AuditDbContext>().UseSqlite($"Data Source={_file};Default Timeout=30").AddInterceptors(_deletes).Options;
        await using var db = new AuditDbContext(_options);
        await db.Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Retention_DeletesEntriesOlderThanRetainFor_AndKeepsTheRest()
    {
        var retainFor = AuditRetentionOptions.DefaultRetainFor;
        await Add(("older than the retention", Now - retainFor - TimeSpan.FromSeconds(1)), ("just inside", Now - retainFor + TimeSpan.FromSeconds(1)),
            ("last week", Now.AddDays(-7)));

        (await Retain(new AuditRetentionOptions())).ShouldBe(1);

        (await Remaining()).ShouldBe(["just inside", "last week"], ignoreOrder: true);
    }

    [Fact]
    public async Task Retention_DeletesInBatchesOfAtMostAThousandEntriesPerStatement()
    {
        var rows = AuditRetention.BatchSize * 2 + 1;
        await Add([.. Enumerable.Range(0, rows).Select(i => ($"old {i}", Now.AddYears(-6)))]);

        (await Retain(new AuditRetentionOptions())).ShouldBe(rows);

        _deletes.Count.ShouldBe(3);
        (await Remaining()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Retention_IsOff_WhenRetainForIsZero()
    {
        await Add(("ten years old", Now.AddYears(-10)));

        (await Retain(new AuditRetentionOptions { RetainFor = TimeSpan.Zero })).ShouldBe(0);

        (await Remaining()).ShouldBe(["ten years old"]);
    }

    [Fact]
    public void RetainFor_DefaultsToFiveYears_WithLeapDays()
    {
        new AuditRetentionOptions().RetainFor.ShouldBe(TimeSpan.FromDays(1827));
        (Now - AuditRetentionOptions.DefaultRetainFor).ShouldBeLessThanOrEqualTo(Now.AddYears(-5));
    }

    [Fact]
    public void RetentionDatabase_UsesItsOwnConnectionString_AndElseTheAuditStores()
    {
        var own = Database(new() { ["ConnectionStrings:AuditRetention"] = "Data Source=retention.db", ["ConnectionStrings:audit"] = "Data Source=audit.db" });
        var fallback = Database(new() { ["ConnectionStrings:audit"] = "Data Source=audit.db" });

        (own.DataSource, own.Pooling).ShouldBe(("retention.db", false));
        (fallback.DataSource, fallback.Pooling).ShouldBe(("audit.db", false));

        static SqliteConnectionStringBuilder Database(Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            using var db = new AuditDbContext(AuditRetentionDatabase.From(configuration).Options);
            return new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        }
    }

    private async Task Add(params (string Purpose, DateTimeOffset At)[] entries)
    {
        await using var db = new AuditDbContext(_options);
        db.Entries.AddRange(entries.Select(e => new AuditEntry
        {
            AuditId = Guid.NewGuid(), At = e.At, Subject = "jurist.arnhem-noord", Role = "jurist", Team = "arnhem-noord",
            ClientId = Guid.NewGuid(), Service = "uwv.klantbeeld.v1.KlantbeeldService", Method = "GetKlantbeeld", Fields = "basis",
            Purpose = e.Purpose, Outcome = "allowed",
        }));
        await db.SaveChangesAsync();
    }

    private Task<int> Retain(AuditRetentionOptions options) =>
        new AuditRetention(new AuditRetentionDatabase(_options), Options.Create(options), new FixedClock(Now), NullLogger<AuditRetention>.Instance)
            .DeleteExpiredAsync(default);

    private async Task<List<string?>> Remaining()
    {
        await using var db = new AuditDbContext(_options);
        return await db.Entries.Select(e => e.Purpose).ToListAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}
