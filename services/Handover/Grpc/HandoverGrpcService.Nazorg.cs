using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Handover.Grpc;

/// <summary>The sender's side before transfer: nazorg attempts, written message, override, warme overdracht.</summary>
public sealed partial class HandoverGrpcService
{
    private static readonly TimeSpan AttemptBackdating = TimeSpan.FromDays(30);

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<RecordNazorgAttemptResponse> RecordNazorgAttempt(RecordNazorgAttemptRequest request, ServerCallContext context)
    {
        var outcome = Require.Defined(request.Outcome, "outcome");
        var extraNeeds = Require.OptionalText(request.ExtraNeeds, "extra_needs", 2000);
        var attemptedAt = AttemptedAt(request.AttemptedAt);
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "record-nazorg-attempt", context,
            s => s.From,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.RecordNazorgAttempt(user.SubjectId(), outcome == NazorgOutcome.Reached,
                request.UnderstandsOutcome, request.KnowsNextSteps, extraNeeds, attemptedAt)));
        return new RecordNazorgAttemptResponse { Handover = handover };
    }

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<RecordWrittenMessageResponse> RecordWrittenMessage(RecordWrittenMessageRequest request, ServerCallContext context)
    {
        var channel = Require.Defined(request.Channel, "channel") == WrittenMessageChannel.Letter ? "letter" : "email";
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "record-written-message", context,
            s => s.From,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.RecordWrittenMessage(user.SubjectId(), channel)));
        return new RecordWrittenMessageResponse { Handover = handover };
    }

    /// <summary>Only a teamleider overrides the nazorg gate, always with a written reason; overrides are counted.</summary>
    [PersonalData(HandoverFields.All, Writes = true)]
    [Authorize(Roles = Roles.Teamleider)]
    public override async Task<OverrideNazorgResponse> OverrideNazorg(OverrideNazorgRequest request, ServerCallContext context)
    {
        var reason = Require.Text(request.Reason, "reason", 2000);
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "override-nazorg", context,
            _ => null,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.OverrideNazorg(user.SubjectId(), reason)));
        return new OverrideNazorgResponse { Handover = handover };
    }

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<ArrangeWarmHandoverResponse> ArrangeWarmHandover(ArrangeWarmHandoverRequest request, ServerCallContext context)
    {
        var colleague = Require.Text(request.ReceivingColleague, "receiving_colleague", 200);
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "arrange-warm-handover", context,
            s => s.From,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.ArrangeWarmHandover(user.SubjectId(), colleague)));
        return new ArrangeWarmHandoverResponse { Handover = handover };
    }

    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<ConfirmWarmHandoverResponse> ConfirmWarmHandover(ConfirmWarmHandoverRequest request, ServerCallContext context)
    {
        var handover = await Execute(request.HandoverId, request.RequestId, request.ExpectedVersion, "confirm-warm-handover", context,
            s => s.To,
            (_, user) => Task.FromResult<Domain.HandoverCommand>(new Domain.ConfirmWarmHandover(user.SubjectId())));
        return new ConfirmWarmHandoverResponse { Handover = handover };
    }

    private DateTimeOffset AttemptedAt(string raw)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return now;
        }
        if (!DateTimeOffset.TryParse(raw.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            throw RpcErrors.InvalidArgument("attempted_at", "must be an ISO 8601 date and time with offset");
        }
        if (at > now.AddMinutes(5) || at < now - AttemptBackdating)
        {
            throw RpcErrors.InvalidArgument("attempted_at", "must lie within the last 30 days and not in the future");
        }
        return at;
    }
}
