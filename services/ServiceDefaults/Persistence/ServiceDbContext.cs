using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's own database: its tables plus the outbox and inbox that make
/// "a change and its events commit together" and "consumers are idempotent" hold.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    private bool? _onNpgsql;

    /// <summary>Whether this context runs on PostgreSQL, asked of the provider once: the provider answers from its assembly's name.</summary>
    internal bool OnNpgsql => _onNpgsql ??= Database.IsNpgsql();

    /// <summary>
    /// Whether a save of this context wrote outbox rows whose commit has not woken the relay yet: set when the save
    /// starts, cleared when the save or the explicit transaction around it commits (and the relay is woken) or fails
    /// (<see cref="OutboxSignalInterceptor{TContext}"/>).
    /// </summary>
    internal bool OutboxRowsUncommitted { get; set; }

    /// <summary>Adds an integration event to the outbox; it commits with the next SaveChanges.</summary>
    public OutboxMessage Publish<TEvent>(TEvent @event, DateTimeOffset now) where TEvent : class => Publish(@event, typeof(TEvent), now);

    /// <summary>Adds an event of the given type to the outbox, for a caller that holds its events as objects.</summary>
    public OutboxMessage Publish(object @event, Type type, DateTimeOffset now)
    {
        var message = new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            MessageType = EventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(@event, type, EventTypes.Json),
            CreatedAt = now,
            TraceParent = Activity.Current?.Id,
        };
        Insert(message);
        return message;
    }

    /// <summary>
    /// Stages a new row, as <c>DbSet.Add</c> does, without walking the entity's graph when it has no navigations (no
    /// entity of ours has one): the walk cost a handover request about a twentieth of its service's CPU.
    /// </summary>
    public void Insert<TEntity>(TEntity entity) where TEntity : class
    {
        var entry = Entry(entity);
        if (entry.Metadata.GetNavigations().Any() || entry.Metadata.GetSkipNavigations().Any())
        {
            Add(entity);
            return;
        }
        entry.State = EntityState.Added;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedOnAdd();
            // No index on MessageId (nothing looks a row up by it; it is a fresh Guid) and none on SentAt (the retention
            // reads by the key): each would cost every insert and every stamp an index entry (decision 0039).
            // The relay's next batch (unsent rows in commit order) read from an index of the unsent rows only, by an
            // ordered index scan that marks the entries of rows sent meanwhile dead, instead of a bitmap scan that walks
            // every sent row's entry in the SentAt index until a vacuum (decision 0036).
            e.HasIndex(m => m.Id, "IX_outbox_messages_unsent").HasFilter("\"SentAt\" IS NULL");
            e.Property(m => m.MessageType).HasMaxLength(200);
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        OnServiceModelCreating(modelBuilder);
        modelBuilder.ApplyPortableConventions(Database);
    }

    protected abstract void OnServiceModelCreating(ModelBuilder modelBuilder);
}
