using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Domain;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>
/// Counts an employee's refused registrations of the last hour (<see cref="RegistrationProbing"/>). The audit log has
/// them from every replica but a moment late; this replica's own count is exact at once. The larger of the two counts.
/// </summary>
public sealed class RefusedRegistrations(TimeProvider clock, int refusalsPerHour)
{
    public const string Method = "RegisterClient";

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    public int RefusalsPerHour { get; } = refusalsPerHour;

    public async Task<bool> MayRegisterAsync(string subject, AuditDbContext audit, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - RegistrationProbing.Window;
        var here = CountSince(subject, since);
        if (!RegistrationProbing.MayRegister(here, RefusalsPerHour))
        {
            return false;
        }
        var logged = await audit.Entries.AsNoTracking()
            .CountAsync(e => e.Subject == subject && e.Method == Method && e.Outcome == AuditOutcomes.AlreadyExists && e.At >= since, ct);
        return RegistrationProbing.MayRegister(Math.Max(here, logged), RefusalsPerHour);
    }

    public void Refused(string subject)
    {
        var queue = _recent.GetOrAdd(subject, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            queue.Enqueue(clock.GetUtcNow());
        }
    }

    /// <summary>This replica's count of the employee's refusals since <paramref name="since"/>.</summary>
    public int CountSince(string subject, DateTimeOffset since)
    {
        if (!_recent.TryGetValue(subject, out var queue))
        {
            return 0;
        }
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() < since)
            {
                queue.Dequeue();
            }
            return queue.Count;
        }
    }
}
