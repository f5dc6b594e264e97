using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.Klantbeeld.Audit;

/// <summary>
/// Stores audit records in the audit log, once: records delivered again, or a record twice in one delivery, add only
/// the records not stored yet (by the record's id, a unique index). The common case, records seen for the first time,
/// is one insert (one prepared statement on PostgreSQL); only when the insert hits a stored id are the stored ids
/// looked up and the rest inserted.
/// </summary>
public sealed class AuditStore(AuditDbContext db)
{
    /// <summary>
    /// How many batches of this process's own records may await their commit at a time. Fewer than the bus's
    /// <see cref="AuditLog.MaxBatchesInFlight"/>, so that records that wait share a transaction; one instead of two
    /// measured no better (decision 0034, docs/benchmarks.md).
    /// </summary>
    public const int OwnBatchesInFlight = 2;

    /// <summary>
    /// The audit log of the process that holds this store: its own records are committed here before the data leave,
    /// without the round trip through the broker and back (decision 0034). Fail closed as on the bus: a batch that
    /// cannot be committed fails every caller in it.
    /// </summary>
    public static AuditLog OwnLog(IServiceProvider services) => new(async (batch, ct) =>
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditStore>().StoreAsync(batch.Records, ct);
    }, maxInFlight: OwnBatchesInFlight);

    /// <summary>Stores the records not stored yet, in one transaction.</summary>
    public async Task StoreAsync(IReadOnlyList<PersonalDataAccessed> delivered, CancellationToken ct)
    {
        var records = delivered.DistinctBy(r => r.AuditId).ToList();
        if (records.Count == 0)
        {
            return;
        }
        try
        {
            if (OnNpgsql(db))
            {
                await AuditInsert.WriteAsync(db, records.ConvertAll(ToEntry), ct);
                return;
            }
            db.Entries.AddRange(records.Select(ToEntry));
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (Exception ex) when (ex is DbUpdateException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Some record is stored already (a redelivery); the insert was rolled back as a whole.
            db.ChangeTracker.Clear();
        }
        var ids = records.ConvertAll(r => r.AuditId);
        var stored = (await db.Entries.Where(e => ids.Contains(e.AuditId)).Select(e => e.AuditId).ToListAsync(ct)).ToHashSet();
        var fresh = records.Where(r => !stored.Contains(r.AuditId)).Select(ToEntry).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        db.Entries.AddRange(fresh);
        await db.SaveChangesAsync(ct);
    }

    private static readonly ConditionalWeakTable<IModel, object> OnNpgsqlByModel = new();

    /// <summary>
    /// Whether the store runs on PostgreSQL, asked once per model (one per provider): the provider answers from its
    /// assembly's name, which was about 1 % of the klantbeeld's CPU at reads when asked for every batch.
    /// </summary>
    private static bool OnNpgsql(AuditDbContext db) =>
        (bool)OnNpgsqlByModel.GetValue(db.Model, _ => db.Database.IsNpgsql());

    private static AuditEntry ToEntry(PersonalDataAccessed r) => new()
    {
        AuditId = r.AuditId,
        At = r.At,
        Subject = r.Subject,
        Role = r.Role,
        Team = r.Team,
        ClientId = r.ClientId,
        Service = r.Service,
        Method = r.Method,
        Fields = r.Fields,
        Purpose = r.Purpose,
        Outcome = r.Outcome,
    };
}
