using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;

namespace Uwv.Smz.Grpc;

/// <summary>
/// The WGA safeguard: a client with a WGA outcome needs a re-integratie owner (Werkbedrijf, or a teamleider's reason why
/// none is needed) before SMZ closes the dossier. Werkbedrijf's acceptance arrives over the bus (<see cref="Consumers.ReintegratieOwnerConsumer"/>).
/// </summary>
public sealed partial class SmzGrpcService
{
    public const int MaxReintegratieReason = 2000;

    [PersonalData("reintegratie-owner")]
    public override async Task<GetReintegratieOwnerResponse> GetReintegratieOwner(GetReintegratieOwnerRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, context.GetHttpContext().User, ct);
        var row = await db.ReintegratieOwners.AsNoTracking().FirstOrDefaultAsync(r => r.ClientId == clientId, ct);
        return new GetReintegratieOwnerResponse { Owner = ToProto(row, clientId, client.AreaTeam) };
    }

    /// <summary>Teamleider only, with a reason: the decision not to hand the re-integratie to Werkbedrijf is theirs and is audited.</summary>
    [Authorize(Roles = Roles.Teamleider)]
    [PersonalData("reintegratie-owner", Writes = true)]
    public override async Task<RecordReintegratieNotNeededResponse> RecordReintegratieNotNeeded(
        RecordReintegratieNotNeededRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var caller = context.GetHttpContext().User;
        // A request id belongs to its caller; a repeat is authorized again (the client may have moved since).
        if (requestId is not null && await db.ReintegratieOwners.AsNoTracking()
                .FirstOrDefaultAsync(r => r.DecidedBy == caller.SubjectId() && r.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.RequireClientAsync(repeat.ClientId.ToString(), caller, ct);
            return new RecordReintegratieNotNeededResponse { Owner = ToProto(repeat, repeat.ClientId, repeat.AreaTeam) };
        }
        var clientIdCheck = Require.Id(request.ClientId, "client_id");
        var reason = Require.Text(request.Reason, "reason", MaxReintegratieReason);
        var user = context.GetHttpContext().User;
        var (clientId, client) = await dossiers.RequireClientAsync(clientIdCheck.ToString(), user, ct);
        var row = await db.ReintegratieOwners.FirstOrDefaultAsync(r => r.ClientId == clientId, ct);
        ReintegratieOwnership.MayRecordNotNeeded(State(row)).ThrowIfRefused();
        var now = clock.GetUtcNow();
        row!.Owner = ReintegratieOwnership.NotNeeded;
        row.HandoverId = null;
        row.Reason = reason;
        row.DecidedBy = user.SubjectId();
        row.DecidedAt = now;
        row.RequestId = requestId;
        row.AreaTeam = client.AreaTeam;
        PublishReintegratieOwner(db, row, now);
        await db.SaveChangesAsync(ct);
        return new RecordReintegratieNotNeededResponse { Owner = ToProto(row, clientId, client.AreaTeam) };
    }

    /// <summary>SMZ's own rule on a dossier status change: the WGA safeguard on closing.</summary>
    private async Task<Refusal?> MayChangeDossierAsync(DossierRecord dossier, string status, CancellationToken ct)
    {
        if (status != DossierStatuses.Closed)
        {
            return null;
        }
        var row = await db.ReintegratieOwners.AsNoTracking().FirstOrDefaultAsync(r => r.ClientId == dossier.ClientId, ct);
        return ReintegratieOwnership.MayCloseDossier(State(row));
    }

    /// <summary>A beoordeling sets whether the client has a WGA outcome (in the beoordeling's transaction).</summary>
    private async Task TrackReintegratieOwnerAsync(Guid clientId, string areaTeam, AoKlasse klasse, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.ReintegratieOwners.FirstOrDefaultAsync(r => r.ClientId == clientId, ct);
        var before = State(row);
        var after = ReintegratieOwnership.AfterBeoordeling(before, klasse);
        if (row is not null && after == before)
        {
            return;
        }
        if (row is null)
        {
            row = new ReintegratieOwnerRecord { ClientId = clientId, AreaTeam = areaTeam };
            db.ReintegratieOwners.Add(row);
        }
        if (after.Owner is null)
        {
            (row.HandoverId, row.Reason, row.DecidedBy, row.DecidedAt) = (null, null, null, null);
        }
        (row.Wga, row.Owner, row.AreaTeam) = (after.Wga, after.Owner, areaTeam);
        PublishReintegratieOwner(db, row, now);
    }

    internal static ReintegratieState? State(ReintegratieOwnerRecord? row) => row is null ? null : new ReintegratieState(row.Wga, row.Owner);

    /// <summary>Every change of the row bumps its version and publishes its whole state (same SaveChanges).</summary>
    internal static void PublishReintegratieOwner(SmzDbContext db, ReintegratieOwnerRecord row, DateTimeOffset now)
    {
        row.Version++;
        var state = State(row)!;
        db.Publish(new ReintegratieOwnerChanged(row.ClientId, row.AreaTeam, row.Wga, row.Owner, state.NeedsOwner, row.Version, now), now);
    }

    private static ReintegratieOwner ToProto(ReintegratieOwnerRecord? row, Guid clientId, string areaTeam) => new()
    {
        ClientId = clientId.ToString(),
        AreaTeam = row?.AreaTeam ?? areaTeam,
        Wga = row?.Wga ?? false,
        Owner = row?.Owner ?? "",
        HandoverId = row?.HandoverId?.ToString() ?? "",
        Reason = row?.Reason ?? "",
        DecidedBy = row?.DecidedBy ?? "",
        DecidedAt = row?.DecidedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "",
        NeedsOwner = State(row)?.NeedsOwner ?? false,
        Version = row?.Version ?? 0,
    };
}
