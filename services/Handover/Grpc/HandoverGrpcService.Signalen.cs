using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Audit;
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
}
