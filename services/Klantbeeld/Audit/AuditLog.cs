using System.Security.Claims;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Klantbeeld.Audit;

/// <summary>Records who looked at or changed which client's personal data, when, and why.</summary>
public sealed class AuditLog(AuditDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(ClaimsPrincipal user, Guid? clientId, string method, string fields, string? purpose, bool allowed, CancellationToken ct)
    {
        db.Entries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Subject = user.SubjectId(),
            Role = string.Join(',', user.RoleNames()),
            Team = user.TeamOf() ?? "",
            ClientId = clientId,
            Method = method,
            Fields = fields,
            Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim()[..Math.Min(500, purpose.Trim().Length)],
            Outcome = allowed ? "allowed" : "denied",
        });
        await db.SaveChangesAsync(ct);
    }
}
