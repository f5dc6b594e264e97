using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Clients;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>
/// What every division does with its dossiers: open one for a client of the caller's team, read it with its status
/// history, change its status. Every status change appends a history row and publishes <see cref="DossierStatusChanged"/>.
/// </summary>
public sealed class DossierCommands<TContext>(TContext db, IClientDirectory clients, TimeProvider clock)
    where TContext : DivisionDbContext
{
    public async Task<DossierRecord> OpenAsync(
        DivisionCode division, string rawClientId, string rawRequestId, string rawOwner, ClaimsPrincipal user, CancellationToken ct)
    {
        var requestId = Require.RequestId(rawRequestId);
        if (requestId is not null && await db.Dossiers.AsNoTracking()
                .FirstOrDefaultAsync(d => d.RequestedBy == user.SubjectId() && d.RequestId == requestId, ct) is { } repeat)
        {
            await EnsureMayRepeatAsync(repeat.ClientId, repeat.OwnerTeam, user, ct);
            return repeat;
        }
        var owner = Require.OptionalText(rawOwner, "owner_employee", 200) ?? user.SubjectId();
        var (clientId, client) = await RequireClientAsync(rawClientId, user, ct);
        if (await db.Dossiers.AnyAsync(d => d.ClientId == clientId && d.Division == division && d.Status != DossierStatuses.Closed, ct))
        {
            throw RpcErrors.AlreadyExists("the client already has an open dossier in this division");
        }
        var dossier = Add(division, clientId, client.AreaTeam, owner, user, clock.GetUtcNow());
        dossier.RequestId = requestId;
        dossier.RequestedBy = requestId is null ? null : user.SubjectId();
        await db.SaveChangesAsync(ct);
        return dossier;
    }

    /// <summary>
    /// The client's open dossier in <paramref name="division"/>, or a new one owned by the caller (added to the context,
    /// with its history row and event, committed by the caller's SaveChanges). Work always lives in a dossier.
    /// </summary>
    public async Task<DossierRecord> EnsureOpenAsync(DivisionCode division, Guid clientId, string areaTeam, ClaimsPrincipal user, CancellationToken ct) =>
        await db.Dossiers.FirstOrDefaultAsync(d => d.ClientId == clientId && d.Division == division && d.Status != DossierStatuses.Closed, ct)
            ?? Add(division, clientId, areaTeam, user.SubjectId(), user, clock.GetUtcNow());

    public async Task<DossierRecord> GetAsync(string rawDossierId, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossierId = Require.Id(rawDossierId, "dossier_id");
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.DossierId == dossierId, ct)
            ?? throw RpcErrors.NotFound("dossier", rawDossierId);
        AuditCall.NameClient(dossier.ClientId);
        TeamScope.EnsureSameTeam(user, dossier.OwnerTeam);
        return dossier;
    }

    public async Task<IReadOnlyList<DossierStatusChangeRecord>> HistoryAsync(Guid dossierId, CancellationToken ct) =>
        await db.DossierStatusChanges.AsNoTracking().Where(h => h.DossierId == dossierId).OrderBy(h => h.Id).ToListAsync(ct);

    /// <summary>
    /// Changes the dossier's status. <paramref name="mayChange"/> is a division's own rule on the change (the dossier
    /// and its new status in, a refusal or null out), asked after the shared checks and before anything is written.
    /// </summary>
    public async Task<DossierRecord> ChangeStatusAsync(
        string rawDossierId, long expectedVersion, string rawStatus, string rawReason, ClaimsPrincipal user, CancellationToken ct,
        Func<DossierRecord, string, Task<Refusal?>>? mayChange = null)
    {
        var dossierId = Require.Id(rawDossierId, "dossier_id");
        var status = Require.Text(rawStatus, "status", 40);
        if (!DossierStatuses.All.Contains(status))
        {
            throw RpcErrors.InvalidArgument("status", "must be one of " + string.Join(", ", DossierStatuses.All));
        }
        var reason = Require.Text(rawReason, "reason", DossierStatuses.MaxReason);
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.DossierId == dossierId, ct)
            ?? throw RpcErrors.NotFound("dossier", rawDossierId);
        AuditCall.NameClient(dossier.ClientId);
        TeamScope.EnsureSameTeam(user, dossier.OwnerTeam);
        ExpectedVersion.Check(expectedVersion, dossier.Version, "dossier");
        DossierStatuses.Change(dossier.Status, status).ThrowIfRefused();
        if (mayChange is not null)
        {
            (await mayChange(dossier, status)).ThrowIfRefused();
        }
        var now = clock.GetUtcNow();
        var from = dossier.Status;
        dossier.Status = status;
        dossier.Version++;
        AppendHistory(dossier, from, reason, user, now);
        db.Publish(new DossierStatusChanged(dossier.DossierId, dossier.ClientId, dossier.Division, from, status, reason, user.SubjectId(), dossier.Version, now), now);
        await db.SaveChangesAsync(ct);
        return dossier;
    }

    /// <summary>
    /// The caller takes the dossier as their own ("aan mij toewijzen"): an employee of the owning division in the
    /// dossier's team, on the version they read. The dossier's version grows and <see cref="DossierAssigned"/> is published.
    /// </summary>
    public async Task<DossierRecord> AssignToCallerAsync(string rawDossierId, long expectedVersion, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossierId = Require.Id(rawDossierId, "dossier_id");
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.DossierId == dossierId, ct)
            ?? throw RpcErrors.NotFound("dossier", rawDossierId);
        AuditCall.NameClient(dossier.ClientId);
        TeamScope.EnsureSameTeam(user, dossier.OwnerTeam);
        ExpectedVersion.Check(expectedVersion, dossier.Version, "dossier");
        var employee = user.SubjectId();
        DossierStatuses.Assign(dossier.Status, dossier.OwnerEmployee, employee).ThrowIfRefused();
        var now = clock.GetUtcNow();
        dossier.OwnerEmployee = employee;
        dossier.Version++;
        db.Publish(new DossierAssigned(dossier.DossierId, dossier.ClientId, dossier.Division, dossier.OwnerTeam, employee, dossier.Version, now), now);
        await db.SaveChangesAsync(ct);
        return dossier;
    }

    /// <summary>
    /// A repeated request (the same caller's request id) is authorized again like a first one before the stored result is
    /// answered: the client register must still place the client in the caller's team, and so must the stored record.
    /// </summary>
    public async Task EnsureMayRepeatAsync(Guid clientId, string storedTeam, ClaimsPrincipal user, CancellationToken ct)
    {
        await RequireClientAsync(clientId.ToString(), user, ct);
        TeamScope.EnsureSameTeam(user, storedTeam);
    }

    /// <summary>Validates the client id, asks the client register for the client, and checks the caller's area team.</summary>
    public async Task<(Guid ClientId, Contracts.Klantbeeld.V1.ClientSummary Client)> RequireClientAsync(
        string rawClientId, ClaimsPrincipal user, CancellationToken ct)
    {
        var clientId = Require.Id(rawClientId, "client_id");
        AuditCall.NameClient(clientId);
        var client = await clients.GetAsync(clientId, ct);
        TeamScope.EnsureSameTeam(user, client.AreaTeam);
        return (clientId, client);
    }

    private DossierRecord Add(DivisionCode division, Guid clientId, string areaTeam, string owner, ClaimsPrincipal user, DateTimeOffset now)
    {
        var dossier = new DossierRecord
        {
            DossierId = Guid.NewGuid(),
            ClientId = clientId,
            Division = division,
            OwnerTeam = areaTeam,
            OwnerEmployee = owner,
            Status = DossierStatuses.Open,
            OpenedAt = now,
            Version = 1,
        };
        db.Dossiers.Add(dossier);
        AppendHistory(dossier, "", "dossier geopend", user, now);
        db.Publish(new DossierOpened(dossier.DossierId, clientId, division, dossier.OwnerTeam, owner, now), now);
        return dossier;
    }

    private void AppendHistory(DossierRecord dossier, string from, string reason, ClaimsPrincipal user, DateTimeOffset now) =>
        db.DossierStatusChanges.Add(new DossierStatusChangeRecord
        {
            DossierId = dossier.DossierId,
            FromStatus = from,
            ToStatus = dossier.Status,
            Reason = reason,
            ChangedBy = user.SubjectId(),
            ChangedAt = now,
        });

    public static Dossier ToProto(DossierRecord d) => new()
    {
        DossierId = d.DossierId.ToString(),
        ClientId = d.ClientId.ToString(),
        Division = (Division)(int)d.Division,
        OwnerTeam = d.OwnerTeam,
        OwnerEmployee = d.OwnerEmployee,
        Status = d.Status,
        OpenedAt = Iso(d.OpenedAt),
        Version = d.Version,
    };

    public static IEnumerable<DossierStatusChange> ToProto(IEnumerable<DossierStatusChangeRecord> history) =>
        history.Select(h => new DossierStatusChange
        {
            FromStatus = h.FromStatus,
            ToStatus = h.ToStatus,
            Reason = h.Reason,
            ChangedBy = h.ChangedBy,
            ChangedAt = Iso(h.ChangedAt),
        });

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
