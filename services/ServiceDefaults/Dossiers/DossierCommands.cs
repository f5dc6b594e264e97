using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Clients;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>What every division does with its dossiers: open one for a client of the caller's team, read it.</summary>
public sealed class DossierCommands<TContext>(TContext db, IClientDirectory clients, TimeProvider clock)
    where TContext : DivisionDbContext
{
    public async Task<DossierRecord> OpenAsync(
        DivisionCode division, string rawClientId, string rawRequestId, string rawOwner, ClaimsPrincipal user, CancellationToken ct)
    {
        var requestId = Require.RequestId(rawRequestId);
        if (requestId is not null && await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.RequestId == requestId, ct) is { } repeat)
        {
            return repeat;
        }
        var clientId = Require.Id(rawClientId, "client_id");
        var owner = Require.OptionalText(rawOwner, "owner_employee", 200) ?? user.SubjectId();
        var client = await clients.GetAsync(clientId, ct);
        TeamScope.EnsureSameTeam(user, client.AreaTeam);
        if (await db.Dossiers.AnyAsync(d => d.ClientId == clientId && d.Division == division && d.Status != "closed", ct))
        {
            throw RpcErrors.AlreadyExists("the client already has an open dossier in this division");
        }
        var now = clock.GetUtcNow();
        var dossier = new DossierRecord
        {
            DossierId = Guid.NewGuid(),
            ClientId = clientId,
            Division = division,
            OwnerTeam = client.AreaTeam,
            OwnerEmployee = owner,
            Status = "open",
            OpenedAt = now,
            RequestId = requestId,
            Version = 1,
        };
        db.Dossiers.Add(dossier);
        db.Publish(new DossierOpened(dossier.DossierId, clientId, division, dossier.OwnerTeam, owner, now), now);
        await db.SaveChangesAsync(ct);
        return dossier;
    }

    public async Task<DossierRecord> GetAsync(string rawDossierId, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossierId = Require.Id(rawDossierId, "dossier_id");
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.DossierId == dossierId, ct)
            ?? throw RpcErrors.NotFound("dossier", rawDossierId);
        TeamScope.EnsureSameTeam(user, dossier.OwnerTeam);
        return dossier;
    }

    public static Dossier ToProto(DossierRecord d) => new()
    {
        DossierId = d.DossierId.ToString(),
        ClientId = d.ClientId.ToString(),
        Division = (Division)(int)d.Division,
        OwnerTeam = d.OwnerTeam,
        OwnerEmployee = d.OwnerEmployee,
        Status = d.Status,
        OpenedAt = d.OpenedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        Version = d.Version,
    };
}
