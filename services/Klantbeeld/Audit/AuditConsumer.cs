using MassTransit;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Audit;

/// <summary>
/// Stores every audit record of every service in the audit log, once: a batch delivered again, or a record in two
/// batches, adds only the records not stored yet (by the record's id, a unique index). The common case, a batch seen
/// for the first time, is one insert (one prepared statement on PostgreSQL); only when the insert hits a stored id are the stored ids looked up and the rest
/// inserted.
/// </summary>
public sealed class AuditConsumer(AuditDbContext db) : IConsumer<PersonalDataAccessedBatch>
{
    public async Task Consume(ConsumeContext<PersonalDataAccessedBatch> context)
    {
        var ct = context.CancellationToken;
        var records = context.Message.Records.DistinctBy(r => r.AuditId).ToList();
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
