using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Audit;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Handover.Grpc;

/// <summary>Kwetsbaarheid signalen: observations by factor of the model, with consent. Never a score or a ranking.</summary>
public sealed partial class HandoverGrpcService
{
    public const string ConsentRule = "consent";

    [PersonalData(HandoverFields.Signalen, Writes = true)]
    public override async Task<RecordSignaalResponse> RecordSignaal(RecordSignaalRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Signalen.AsNoTracking()
                .FirstOrDefaultAsync(s => s.RecordedBy == user.SubjectId() && s.RequestId == requestId, ct) is { } repeat)
        {
            TeamScope.EnsureSameTeam(user, repeat.Team);
            return new RecordSignaalResponse { SignaalId = repeat.SignaalId.ToString() };
        }
        var clientId = Require.Id(request.ClientId, "client_id");
        var factor = (Contracts.Events.KwetsbaarheidFactor)(int)Require.Defined(request.Factor, "factor");
        var note = Require.Text(request.Note, "note", 2000);
        var team = await db.Dossiers.AsNoTracking().Where(d => d.ClientId == clientId).Select(d => d.Team).FirstOrDefaultAsync(ct)
            ?? throw RpcErrors.NotFound("client with a dossier", request.ClientId);
        TeamScope.EnsureSameTeam(user, team);
        if (!request.ClientConsent)
        {
            throw RpcErrors.FailedPrecondition(ConsentRule, "a signaal is only recorded with the client's consent");
        }
        var now = clock.GetUtcNow();
        var signaal = new SignaalRecord
        {
            SignaalId = Guid.NewGuid(), ClientId = clientId, Team = team, Factor = factor, Note = note,
            RecordedBy = user.SubjectId(), RecordedAt = now, RequestId = requestId,
        };
        db.Signalen.Add(signaal);
        db.Publish(new SignaalRecorded(signaal.SignaalId, clientId, team, factor, note, signaal.RecordedBy, now), now);
        await db.SaveChangesAsync(ct);
        return new RecordSignaalResponse { SignaalId = signaal.SignaalId.ToString() };
    }

    [PersonalData(HandoverFields.Signalen, Writes = true)]
    public override async Task<EndSignaalResponse> EndSignaal(EndSignaalRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var caller = context.GetHttpContext().User;
        // A request id belongs to its caller; a repeat is authorized again (the client may have moved since).
        if (requestId is not null && await db.Signalen.AsNoTracking()
                .FirstOrDefaultAsync(s => s.EndedBy == caller.SubjectId() && s.EndRequestId == requestId, ct) is { } repeat)
        {
            context.AuditClient(repeat.ClientId);
            TeamScope.EnsureSameTeam(caller, repeat.Team);
            return new EndSignaalResponse { SignaalId = repeat.SignaalId.ToString(), EndedAt = Iso(repeat.EndedAt) };
        }
        var signaalId = Require.Id(request.SignaalId, "signaal_id");
        var reason = Require.Text(request.Reason, "reason", 2000);
        var signaal = await db.Signalen.FirstOrDefaultAsync(s => s.SignaalId == signaalId, ct)
            ?? throw RpcErrors.NotFound("signaal", request.SignaalId);
        context.AuditClient(signaal.ClientId);
        var user = caller;
        TeamScope.EnsureSameTeam(user, signaal.Team);
        if (SignaalLifecycle.MayEnd(signaal.EndedAt) is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal.Rule, refusal.Explanation);
        }
        End(signaal, reason, consentWithdrawn: false, user.SubjectId(), requestId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new EndSignaalResponse { SignaalId = signaal.SignaalId.ToString(), EndedAt = Iso(signaal.EndedAt) };
    }

    [PersonalData(HandoverFields.Signalen, Writes = true)]
    public override async Task<WithdrawSignaalConsentResponse> WithdrawSignaalConsent(WithdrawSignaalConsentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var caller = context.GetHttpContext().User;
        // A request id belongs to its caller; a repeat is authorized again (the client may have moved since).
        if (requestId is not null && await db.Signalen.AsNoTracking()
                .Where(s => s.EndedBy == caller.SubjectId() && s.EndRequestId == requestId).ToListAsync(ct) is { Count: > 0 } repeat)
        {
            context.AuditClient(repeat[0].ClientId);
            TeamScope.EnsureSameTeam(caller, repeat[0].Team);
            return new WithdrawSignaalConsentResponse { EndedSignaalIds = { repeat.Select(s => s.SignaalId.ToString()) } };
        }
        var clientId = Require.Id(request.ClientId, "client_id");
        var team = await db.Dossiers.AsNoTracking().Where(d => d.ClientId == clientId).Select(d => d.Team).FirstOrDefaultAsync(ct)
            ?? throw RpcErrors.NotFound("client with a dossier", request.ClientId);
        var user = context.GetHttpContext().User;
        TeamScope.EnsureSameTeam(user, team);
        var signalen = await db.Signalen.Where(s => s.ClientId == clientId).ToListAsync(ct);
        var ending = SignaalLifecycle.EndedByConsentWithdrawal(signalen, s => s.EndedAt);
        var now = clock.GetUtcNow();
        foreach (var signaal in ending)
        {
            End(signaal, SignaalLifecycle.ConsentWithdrawnReason, consentWithdrawn: true, user.SubjectId(), requestId, now);
        }
        if (ending.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return new WithdrawSignaalConsentResponse { EndedSignaalIds = { ending.Select(s => s.SignaalId.ToString()) } };
    }

    /// <summary>Ends the signaal (the row stays as history) and publishes <see cref="SignaalEnded"/> in the same SaveChanges.</summary>
    private void End(SignaalRecord signaal, string reason, bool consentWithdrawn, string by, string? requestId, DateTimeOffset now)
    {
        (signaal.EndedAt, signaal.EndReason, signaal.ConsentWithdrawn, signaal.EndedBy, signaal.EndRequestId) = (now, reason, consentWithdrawn, by, requestId);
        db.Publish(new SignaalEnded(signaal.SignaalId, signaal.ClientId, signaal.Team, signaal.Factor, signaal.RecordedBy, signaal.RecordedAt,
            consentWithdrawn, reason, by, now), now);
    }

    private static string Iso(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
