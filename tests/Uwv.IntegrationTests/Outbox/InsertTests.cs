using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>
/// <see cref="ServiceDbContext.Insert{TEntity}"/> stages a new row as <c>DbSet.Add</c> does: alone when its type has no
/// navigations (every entity of ours), with its graph when it has.
/// </summary>
public sealed class InsertTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public InsertTests() => _connection.Open();

    [Fact]
    public async Task Insert_OfAnEntityWithoutNavigations_IsStagedAsAdded_AndSavedWithItsGeneratedKey()
    {
        await using var db = Open();
        var message = new OutboxMessage
        {
            MessageId = Guid.NewGuid(), MessageType = nameof(ClientMoved), Payload = "{}", CreatedAt = Now,
        };

        db.Insert(message);

        db.Entry(message).State.ShouldBe(EntityState.Added);
        await db.SaveChangesAsync();
        message.Id.ShouldBeGreaterThan(0);
        (await db.OutboxMessages.AsNoTracking().SingleAsync()).MessageId.ShouldBe(message.MessageId);
    }

    [Fact]
    public async Task Insert_OfAnEntityWithNavigations_StagesTheRowsItReaches_AsAddDoes()
    {
        await using var db = Open();
        var folder = new Folder { Id = Guid.NewGuid(), Sheets = [new Sheet { Id = Guid.NewGuid() }, new Sheet { Id = Guid.NewGuid() }] };

        db.Insert(folder);

        db.ChangeTracker.Entries<Sheet>().Count(e => e.State == EntityState.Added).ShouldBe(2);
        await db.SaveChangesAsync();
        (await db.Set<Sheet>().CountAsync()).ShouldBe(2);
    }

    public void Dispose() => _connection.Dispose();

    private GraphContext Open()
    {
        var db = new GraphContext(new DbContextOptionsBuilder<GraphContext>().UseSqlite(_connection).Options);
        db.Database.EnsureCreated();
        return db;
    }
}
