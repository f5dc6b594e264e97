using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Audit;

namespace Uwv.UnitTests.Audit;

public sealed class AuditConsumerTests : IAsyncLifetime
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

        await new AuditConsumer(db).StoreAsync([a, b, b, a], CancellationToken.None);

        (await StoredSubjects()).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Store_MessagesSomeOfWhoseRecordsAreStored_AddsOnlyTheRest()
    {
        var (a, b, c) = (Record("a"), Record("b"), Record("c"));
        await using (var first = NewDb())
        {
            await new AuditConsumer(first).StoreAsync([a, b], CancellationToken.None);
        }
        await using var db = NewDb();

        await new AuditConsumer(db).StoreAsync([b, c, a], CancellationToken.None);

        (await StoredSubjects()).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Batches_TakeUpToAHundredMessages_OrWhatArrivedWithin20Ms_TwoAtATime()
    {
        var options = new BatchOptions();

        AuditConsumer.Configure(options);

        (options.MessageLimit, options.TimeLimit, options.ConcurrencyLimit).ShouldBe((100, TimeSpan.FromMilliseconds(20), 2));
    }
}
