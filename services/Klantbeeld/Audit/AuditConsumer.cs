using MassTransit;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Audit;

/// <summary>
/// Stores every audit record of every service in the audit log, once: a batch delivered again, or a record in two
/// batches, adds only the records not stored yet (by the record's id, a unique index). The messages waiting on the
/// queue are taken together (up to <see cref="MessageLimit"/>, or what arrived within <see cref="TimeLimit"/>) and
/// stored with one insert and one commit: a read's record is durable once the broker has it, so the store may lag by
/// milliseconds, and one transaction per message cost more than the rows (decision 0033). The common case, records
/// seen for the first time, is one insert (one prepared statement on PostgreSQL); only when the insert hits a stored
/// id are the stored ids looked up and the rest inserted.
/// </summary>
public sealed class AuditConsumer(AuditDbContext db) : IConsumer<Batch<PersonalDataAccessedBatch>>
{
    public const int MessageLimit = 100;
    public const int ConcurrencyLimit = 2;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(20);

    /// <summary>How the bus hands the messages over: in batches, two at a time.</summary>
    public static void Configure(BatchOptions options) => options
        .SetMessageLimit(MessageLimit)
        .SetConcurrencyLimit(ConcurrencyLimit)
        .SetTimeLimit(TimeLimit);

    public Task Consume(ConsumeContext<Batch<PersonalDataAccessedBatch>> context) =>
        StoreAsync([.. context.Message.SelectMany(m => m.Message.Records)], context.CancellationToken);

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
            if (db.Database.IsNpgsql())
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
