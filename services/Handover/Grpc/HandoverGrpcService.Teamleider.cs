using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Handover.Grpc;

/// <summary>The teamleider's part: the escalations and casusoverleg cases of the team, and the casusoverleg's outcome.</summary>
public sealed partial class HandoverGrpcService
{
    private const int EscalationListLimit = 500;

    [PersonalData(HandoverFields.All, Writes = true)]
    [Authorize(Roles = Roles.Teamleider)]
    public override async Task<RecordCasusoverlegResponse> RecordCasusoverleg(RecordCasusoverlegRequest request, ServerCallContext context)
    {
        var outcome = Require.Text(request.Outcome, "outcome", 2000);
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "record-casusoverleg", context,
            _ => null,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.RecordCasusoverleg(user.SubjectId(), outcome)));
        return new RecordCasusoverlegResponse { Handover = handover };
    }

    /// <summary>
    /// Open handovers escalated to the teamleider or manager, and casusoverleg cases without an outcome, of the caller's
    /// team. Only what the teamleider needs to act: no signalen, nazorg notes or open questions.
    /// </summary>
    [PersonalData(HandoverFields.Escalations)]
    [Authorize(Roles = Roles.Teamleider)]
    public override async Task<ListEscalationsResponse> ListEscalations(ListEscalationsRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var team = Require.OptionalText(request.AreaTeam, "area_team", 64) ?? user.TeamOf() ?? "";
        TeamScope.EnsureSameTeam(user, team);
        var records = await db.Handovers.AsNoTracking()
            .Where(h => h.Team == team
                && ((h.EscalationLevel > 0 && h.State != HandoverStates.Accepted && h.State != HandoverStates.Cancelled)
                    || (h.Casusoverleg && h.CasusoverlegOutcome == null)))
            .Take(EscalationListLimit)
            .ToListAsync(context.CancellationToken);
        var response = new ListEscalationsResponse();
        foreach (var record in records.OrderBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.RequestedAt))
        {
            var proto = HandoverProtoMapper.ToProto(record, options.Value, [], []);
            proto.NazorgNotes = "";
            proto.OpenQuestions = "";
            response.Handovers.Add(proto);
        }
        return response;
    }
}
