using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>
/// <see cref="ServiceDbContext.StageOutsideTracker"/>: inside the scope new plain rows are remembered instead of tracked,
/// and nothing of them is lost or kept too long: a save writes them, the scope's end hands the rest to the change
/// tracker, and a pooled context forgets them before it is lent again.
/// </summary>
public sealed class StagingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public StagingTests() => _connection.Open();

    [Fact]
    public async Task Insert_InsideAStagingScope_IsRememberedNotTracked_AndSaveChangesWritesIt()
    {
        await using var db = Open();
        using (db.StageOutsideTracker())
        {
            var message = Message();
            db.Insert(message);
            db.Publish(new ClientMoved(Guid.NewGuid(), "6811AB", "6821AB", "arnhem-noord", "arnhem-zuid", "casemanager.arnhem-noord", Now), Now);

            db.ChangeTracker.Entries().ShouldBeEmpty();
            db.StagedRows.Count.ShouldBe(2);
            await db.SaveChangesAsync();

            db.StagedRows.ShouldBeEmpty();
            message.Id.ShouldBeGreaterThan(0);
        }
        (await db.OutboxMessages.AsNoTracking().CountAsync()).ShouldBe(2);
    }

    [Fact]
    public void Insert_InsideAStagingScope_IsWrittenByASynchronousSaveChanges_Too()
    {
        using var db = Open();
        using (db.StageOutsideTracker())
        {
            db.Insert(Message());

            db.SaveChanges();

            db.StagedRows.ShouldBeEmpty();
        }
        db.OutboxMessages.AsNoTracking().Count().ShouldBe(1);
    }

    [Fact]
    public async Task StagingScope_WhenItEnds_HandsTheRowsNotWrittenToTheChangeTracker()
    {
        await using var db = Open();
        var message = Message();
        using (db.StageOutsideTracker())
        {
            db.Insert(message);
        }

        db.StagedRows.ShouldBeEmpty();
        db.Entry(message).State.ShouldBe(EntityState.Added);
        await db.SaveChangesAsync();
        (await db.OutboxMessages.AsNoTracking().SingleAsync()).MessageId.ShouldBe(message.MessageId);
    }

    [Fact]
    public async Task Insert_OutsideAStagingScope_IsTrackedAtOnce()
    {
        await using var db = Open();
        var message = Message();

        db.Insert(message);

        db.StagedRows.ShouldBeEmpty();
        db.Entry(message).State.ShouldBe(EntityState.Added);
    }

    [Fact]
    public async Task Insert_OfAnEntityWithNavigations_InsideAStagingScope_IsTrackedWithItsGraph()
    {
        await using var db = Open();
        using var staging = db.StageOutsideTracker();

        db.Insert(new Folder { Id = Guid.NewGuid(), Sheets = [new Sheet { Id = Guid.NewGuid() }] });

        db.StagedRows.ShouldBeEmpty();
        db.ChangeTracker.Entries<Sheet>().Count(e => e.State == EntityState.Added).ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PooledContext_ForgetsItsStagedRows_BeforeItIsLentAgain(bool disposedSynchronously)
    {
        var options = new DbContextOptionsBuilder<GraphContext>().UseSqlite(_connection).Options;
        var pool = new PooledDbContextFactory<GraphContext>(options, poolSize: 1);
        var first = pool.CreateDbContext();
        await first.Database.EnsureCreatedAsync();
        // A call that failed between staging and saving: its scope was never ended.
        first.StageOutsideTracker();
        first.Insert(Message());
        if (disposedSynchronously)
        {
            first.Dispose();
        }
        else
        {
            await first.DisposeAsync();
        }

        await using var second = pool.CreateDbContext();
        ReferenceEquals(first, second).ShouldBeTrue("the pool lends the same instance again");
        second.StagedRows.ShouldBeEmpty();
        var message = Message();
        second.Insert(message);
        second.Entry(message).State.ShouldBe(EntityState.Added, "no staging scope is open any more");
        await second.SaveChangesAsync();
        (await second.OutboxMessages.AsNoTracking().Select(m => m.MessageId).ToListAsync()).ShouldBe([message.MessageId]);
    }

    public void Dispose() => _connection.Dispose();

    private static OutboxMessage Message() => new()
    {
        MessageId = Guid.NewGuid(), MessageType = nameof(ClientMoved), Payload = "{}", CreatedAt = Now,
    };

    private GraphContext Open()
    {
        var db = new GraphContext(new DbContextOptionsBuilder<GraphContext>().UseSqlite(_connection).Options);
        db.Database.EnsureCreated();
        return db;
    }
}
