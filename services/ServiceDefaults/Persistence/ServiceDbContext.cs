using System.Collections.Concurrent;
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
    /// entity of ours has one): the walk cost a handover request about a twentieth of its service's CPU. Inside
    /// <see cref="StageOutsideTracker"/> a plain row is only remembered, not tracked (<see cref="StagedRows"/>).
    /// </summary>
    public void Insert<TEntity>(TEntity entity) where TEntity : class
    {
        if (_stagingScopes > 0 && !_saving && IsPlain(entity.GetType()))
        {
            _staged.Add(entity);
            return;
        }
        var entry = Entry(entity);
        if (entry.Metadata.GetNavigations().Any() || entry.Metadata.GetSkipNavigations().Any())
        {
            Add(entity);
            return;
        }
        entry.State = EntityState.Added;
    }

    /// <summary>
    /// Until the returned scope ends, <see cref="Insert{TEntity}"/> and <see cref="Publish(object, Type, DateTimeOffset)"/>
    /// remember new rows of plain entity types (no navigations, no shadow properties) instead of tracking them, so that a
    /// write of one round trip (<see cref="ResilientTransactions.SaveWithLastStatementAsync"/>) sends them from the
    /// objects themselves: putting a row into the change tracker, reading it back through its entries and accepting it
    /// afterwards was about a sixth of the handover process's CPU per request (docs/benchmarks.md, thirteenth session).
    /// A row the write did not send joins the change tracker at the latest when a save begins or the scope ends, so
    /// everything else sees it as before. A row sent in one round trip is not tracked afterwards: change it and save
    /// again, and nothing is written. <c>ChangeTracker.Clear()</c> inside the scope does not forget staged rows.
    /// </summary>
    public StagingScope StageOutsideTracker()
    {
        _stagingScopes++;
        return new StagingScope(this);
    }

    /// <summary>The end of a <see cref="StageOutsideTracker"/> scope.</summary>
    public readonly struct StagingScope(ServiceDbContext db) : IDisposable
    {
        public void Dispose()
        {
            if (--db._stagingScopes == 0)
            {
                db.TrackStaged();
            }
        }
    }

    private readonly List<object> _staged = [];
    private int _stagingScopes;
    private bool _saving;

    /// <summary>New rows remembered by <see cref="Insert{TEntity}"/> inside <see cref="StageOutsideTracker"/>, in order, not tracked yet.</summary>
    internal List<object> StagedRows => _staged;

    /// <summary>Whether <paramref name="row"/> is one of the <see cref="StagedRows"/>.</summary>
    internal bool IsStaged(object row) => _staged.Exists(r => ReferenceEquals(r, row));

    /// <summary>Moves the <see cref="StagedRows"/> into the change tracker as new rows.</summary>
    internal void TrackStaged()
    {
        if (_staged.Count == 0)
        {
            return;
        }
        var rows = _staged.ToArray();
        _staged.Clear();
        foreach (var row in rows)
        {
            Entry(row).State = EntityState.Added;
        }
    }

    private static readonly ConcurrentDictionary<(Type Context, Type Entity), bool> Plain = new();

    private bool IsPlain(Type type) => Plain.GetOrAdd((GetType(), type), static (key, model) =>
        model.FindEntityType(key.Entity) is { } entityType
        && !entityType.GetNavigations().Any() && !entityType.GetSkipNavigations().Any()
        && !entityType.GetProperties().Any(p => p.IsShadowProperty())
        && !entityType.IsOwned() && entityType.BaseType is null && !entityType.GetDirectlyDerivedTypes().Any(), Model);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TrackStaged();
        _saving = true;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            _saving = false;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TrackStaged();
        _saving = true;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            _saving = false;
        }
    }

    public override void Dispose()
    {
        // A pooled context goes back to its pool here: nothing staged may reach the next lease.
        _staged.Clear();
        _stagingScopes = 0;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _staged.Clear();
        _stagingScopes = 0;
        return base.DisposeAsync();
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
