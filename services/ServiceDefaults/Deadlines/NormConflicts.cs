using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>
/// A change to the work that also moves or resolves its norm deadline can meet the sweeper, which warned or escalated that
/// deadline a moment before (or a move that re-stamped its team). That is no conflict for the user: the deadline takes
/// the sweeper's (or the move's) columns the change did not touch, the change keeps its own, and the change's pending
/// norm events are rewritten from the merged row (so a resolution knows it was escalated). A sweep's own fire is never
/// merged: it loses the race, as it must.
/// </summary>
public static class NormConflicts
{
    /// <summary>Merges the conflicting deadlines into this unit of work; false when the conflict is not only about deadlines.</summary>
    public static async Task<bool> TryMergeAsync(ServiceDbContext db, DbUpdateConcurrencyException conflict, CancellationToken ct)
    {
        if (conflict.Entries.Count == 0 || conflict.Entries.Any(e => e.Entity is not NormDeadlineRecord || e.State != EntityState.Modified || IsFire(e)))
        {
            return false;
        }
        foreach (var entry in conflict.Entries)
        {
            if (await entry.GetDatabaseValuesAsync(ct) is not { } stored)
            {
                return false;
            }
            foreach (var property in entry.Properties.Where(p => !p.IsModified))
            {
                property.CurrentValue = stored[property.Metadata];
            }
            var deadline = (NormDeadlineRecord)entry.Entity;
            deadline.Version = stored.GetValue<long>(nameof(NormDeadlineRecord.Version)) + 1;
            entry.OriginalValues.SetValues(stored);
            RewritePendingEvents(db, deadline);
        }
        return true;
    }

    /// <summary>A sweep warning or escalating: its fire must lose a race, never merge.</summary>
    private static bool IsFire(EntityEntry entry) =>
        entry.Property(nameof(NormDeadlineRecord.WarnedAt)) is { IsModified: true, CurrentValue: not null }
        || entry.Property(nameof(NormDeadlineRecord.EscalatedAt)) is { IsModified: true, CurrentValue: not null };

    private static void RewritePendingEvents(ServiceDbContext db, NormDeadlineRecord d)
    {
        foreach (var row in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            object? rewritten = row.MessageType switch
            {
                nameof(NormDeadlineSet) when Read<NormDeadlineSet>(row) is { } e && e.DeadlineId == d.DeadlineId =>
                    NormDeadlines.SetEvent(d, e.OccurredAt),
                nameof(NormDeadlineResolved) when Read<NormDeadlineResolved>(row) is { } e && e.DeadlineId == d.DeadlineId =>
                    e with { AreaTeam = d.AreaTeam, WasEscalated = d.EscalatedAt is not null },
                _ => null,
            };
            if (rewritten is not null)
            {
                row.Payload = JsonSerializer.Serialize(rewritten, rewritten.GetType(), EventTypes.Json);
            }
        }
    }

    private static T? Read<T>(OutboxMessage row) where T : class => JsonSerializer.Deserialize<T>(row.Payload, EventTypes.Json);
}
