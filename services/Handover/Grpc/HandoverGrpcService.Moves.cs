using Grpc.Core;
using Uwv.Contracts.Handover.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Handover.Grpc;

/// <summary>Transfer (sender), accept and return (receiver), cancel (sender).</summary>
public sealed partial class HandoverGrpcService
{
    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<TransferHandoverResponse> TransferHandover(TransferHandoverRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "transfer", context,
            s => s.From,
            async (s, user) => new Domain.TransferHandover(user.SubjectId(), await SignalenOf(s.ClientId, s.AreaTeam, ct), await HistoryOf(s.LineageId, ct)));
        return new TransferHandoverResponse { Handover = handover };
    }

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<AcceptHandoverResponse> AcceptHandover(AcceptHandoverRequest request, ServerCallContext context)
    {
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "accept", context,
            s => s.To,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.AcceptHandover(user.SubjectId())));
        return new AcceptHandoverResponse { Handover = handover };
    }

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<ReturnHandoverResponse> ReturnHandover(ReturnHandoverRequest request, ServerCallContext context)
    {
        var category = Category(Require.Defined(request.ReasonCategory, "reason_category"));
        var reason = Require.Text(request.Reason, "reason", 2000);
        var ct = context.CancellationToken;
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "return", context,
            s => s.To,
            async (s, user) => new Domain.ReturnHandover(user.SubjectId(), category, reason, await HistoryOf(s.LineageId, ct)));
        return new ReturnHandoverResponse { Handover = handover };
    }

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<CancelHandoverResponse> CancelHandover(CancelHandoverRequest request, ServerCallContext context)
    {
        var reason = Require.Text(request.Reason, "reason", 2000);
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "cancel", context,
            s => s.From,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.CancelHandover(user.SubjectId(), reason)));
        return new CancelHandoverResponse { Handover = handover };
    }

    private static string Category(ReturnReason reason) => reason switch
    {
        ReturnReason.IncompleteDossier => "incomplete-dossier",
        ReturnReason.WrongDivision => "wrong-division",
        ReturnReason.ClientNotReady => "client-not-ready",
        ReturnReason.NazorgInsufficient => "nazorg-insufficient",
        _ => "other",
    };
}
