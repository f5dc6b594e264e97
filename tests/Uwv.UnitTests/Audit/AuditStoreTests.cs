using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Audit;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.UnitTests.Audit;

public sealed class AuditStoreTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewDb();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private AuditDbContext NewDb() => new(new DbContextOptionsBuilder<AuditDbContext>().UseSqlite(_connection).Options);

    private static PersonalDataAccessed Record(string subject) => new(Guid.NewGuid(), new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero),
        subject, "jurist", "arnhem-noord", Guid.NewGuid(), "uwv.klantbeeld.v1.KlantbeeldService", "GetKlantbeeld", "basis", null, "allowed");

    private async Task<List<string>> StoredSubjects()
    {
        await using var db = NewDb();
        return await db.Entries.OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync();
    }

    [Fact]
    public async Task Store_ARecordInTwoMessagesTakenTogether_IsStoredOnce()
    {
        var (a, b) = (Record("a"), Record("b"));
        await using var db = NewDb();

        await new AuditStore(db).StoreAsync([a, b, b, a], CancellationToken.None);

        (await StoredSubjects()).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Store_MessagesSomeOfWhoseRecordsAreStored_AddsOnlyTheRest()
    {
        var (a, b, c) = (Record("a"), Record("b"), Record("c"));
        await using (var first = NewDb())
        {
            await new AuditStore(first).StoreAsync([a, b], CancellationToken.None);
        }
        await using var db = NewDb();

        await new AuditStore(db).StoreAsync([b, c, a], CancellationToken.None);

        (await StoredSubjects()).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Batches_TakeUpToAHundredMessages_OrWhatArrivedWithin20Ms_TwoAtATime()
    {
        var options = new BatchOptions();

        AuditConsumer.Configure(options);

        (options.MessageLimit, options.TimeLimit, options.ConcurrencyLimit).ShouldBe((100, TimeSpan.FromMilliseconds(20), 2));
    }

    [Fact]
    public async Task OwnLog_ARecord_IsInTheStoreWhenItIsRecorded()
    {
        await using var services = new ServiceCollection()
            .AddDbContext<AuditDbContext>(o => o.UseSqlite(_connection))
            .AddScoped<AuditStore>()
            .BuildServiceProvider();
        await using var log = AuditStore.OwnLog(services);

        await Task.WhenAll(log.RecordAsync(Record("a"), CancellationToken.None), log.RecordAsync(Record("b"), CancellationToken.None));

        (await StoredSubjects()).ShouldBe(["a", "b"], "recorded means committed in the store, with no bus between");
    }

    [Fact]
    public async Task OwnLog_WhenTheStoreCannotCommit_FailsTheCaller()
    {
        await using var services = new ServiceCollection()
            .AddDbContext<AuditDbContext>(o => o.UseSqlite("Data Source=file:missing-audit?mode=memory&cache=private"))
            .AddScoped<AuditStore>()
            .BuildServiceProvider();
        await using var log = AuditStore.OwnLog(services);

        await Should.ThrowAsync<Exception>(() => log.RecordAsync(Record("a"), CancellationToken.None));
    }
}
