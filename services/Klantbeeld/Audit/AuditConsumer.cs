using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Audit;

/// <summary>
/// Stores every audit record of every service in the audit log, once: a batch delivered again, or a record in two
/// batches, adds only the records not stored yet (by the record's id). One insert per batch.
/// </summary>
public sealed class AuditConsumer(AuditDbContext db) : IConsumer<PersonalDataAccessedBatch>
{
    public async Task Consume(ConsumeContext<PersonalDataAccessedBatch> context)
    {
        var records = context.Message.Records.DistinctBy(r => r.AuditId).ToList();
        var ids = records.ConvertAll(r => r.AuditId);
        var stored = (await db.Entries.Where(e => ids.Contains(e.AuditId)).Select(e => e.AuditId).ToListAsync(context.CancellationToken)).ToHashSet();
        var fresh = records.Where(r => !stored.Contains(r.AuditId)).Select(ToEntry).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        db.Entries.AddRange(fresh);
        await db.SaveChangesAsync(context.CancellationToken);
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
