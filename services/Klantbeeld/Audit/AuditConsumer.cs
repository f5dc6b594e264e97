using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Audit;

/// <summary>Stores every audit record of every service in the audit log, once.</summary>
public sealed class AuditConsumer(AuditDbContext db) : IConsumer<PersonalDataAccessed>
{
    public async Task Consume(ConsumeContext<PersonalDataAccessed> context)
    {
        var r = context.Message;
        if (await db.Entries.AnyAsync(e => e.AuditId == r.AuditId, context.CancellationToken))
        {
            return;
        }
        db.Entries.Add(new AuditEntry
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
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
