using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>
/// The relay is woken as soon as outbox rows are committed, whether by a save of their own or by the commit of the
/// explicit transaction they were saved in, and never before: woken earlier it would find nothing and then sleep until
/// its next poll.
/// </summary>
public sealed class OutboxSignalInterceptorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly OutboxSignal<SignalContext> _signal = new();
    private readonly OutboxSignalInterceptor<SignalContext> _interceptor;

    public OutboxSignalInterceptorTests()
    {
        _connection.Open();
        _interceptor = new OutboxSignalInterceptor<SignalContext>(_signal);
        using var db = Open();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task Save_OfOutboxRows_WakesTheRelay()
    {
        await using var db = Open();
        Publish(db);

        await db.SaveChangesAsync();

        (await Woken()).ShouldBeTrue();
    }

    [Fact]
    public async Task Save_InAnExplicitTransaction_WakesTheRelay_OnlyWhenTheTransactionCommits()
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Publish(db);

        await db.SaveChangesAsync();
        (await Woken()).ShouldBeFalse("the rows are not visible to the relay before the commit");

        await transaction.CommitAsync();
        (await Woken()).ShouldBeTrue();
    }

    [Fact]
    public async Task Save_InATransactionRolledBack_DoesNotWakeTheRelay()
    {
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Publish(db);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A later transaction of the same context with nothing for the relay.
        await using (var later = await db.Database.BeginTransactionAsync())
        {
            await later.CommitAsync();
        }

        (await Woken()).ShouldBeFalse();
    }

    [Fact]
    public async Task Transaction_WithoutOutboxRows_DoesNotWakeTheRelay()
    {
        // The relay reads in a transaction of its own: waking itself at every commit, it would never sleep.
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notes.Add(new Note { Id = Guid.NewGuid() });
        await db.SaveChangesAsync();

        await transaction.CommitAsync();

        (await Woken()).ShouldBeFalse();
    }

    [Fact]
    public async Task Save_OfAnotherContext_DoesNotWakeTheRelay_ForRowsStillInATransaction()
    {
        // Pooled contexts of a type share the interceptor: what one has pending must not wake the relay on another's save.
        await using var writer = Open();
        await using var other = Open();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        Publish(writer);
        await writer.SaveChangesAsync();

        other.Notes.Add(new Note { Id = Guid.NewGuid() });
        await other.SaveChangesAsync();
        (await Woken()).ShouldBeFalse("the writer's rows are not committed yet");

        await transaction.CommitAsync();
        (await Woken()).ShouldBeTrue();
    }

    public void Dispose() => _connection.Dispose();

    private Task<bool> Woken() => _signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);

    private static void Publish(SignalContext db) =>
        db.Publish(new ClientMoved(Guid.NewGuid(), "6811AA", "6511AB", "arnhem-noord", "nijmegen-west", "procesbegeleider.arnhem-noord", Now), Now);

    private SignalContext Open() =>
        new(new DbContextOptionsBuilder<SignalContext>().UseSqlite(_connection).AddInterceptors(_interceptor).Options);

    private sealed class SignalContext(DbContextOptions options) : ServiceDbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnServiceModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>();
    }

    private sealed class Note
    {
        public Guid Id { get; set; }
    }
}
