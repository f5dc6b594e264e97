using System.Globalization;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Proto = Uwv.Contracts.Handover.V1;

namespace Uwv.Handover.Grpc;

internal static class HandoverProtoMapper
{
    public static Proto.Handover ToProto(HandoverRecord r, HandoverOptions options, IReadOnlyList<SignaalNote> signalen, IReadOnlyList<HistoryEntry> history)
    {
        var s = HandoverMapping.ToState(r);
        var rules = options.RulesFor(s.Kind);
        var unmet = HandoverStates.AtSender(s.Status) ? HandoverDecider.UnmetRule(s, rules, s.WarmHandoverRequired || signalen.Count > 0) : null;
        var result = new Proto.Handover
        {
            HandoverId = r.HandoverId.ToString(),
            ClientId = r.ClientId.ToString(),
            DossierId = r.DossierId.ToString(),
            FromDivision = (Division)(int)r.FromDivision,
            ToDivision = (Division)(int)r.ToDivision,
            State = r.State,
            Reason = r.Reason,
            RequestedBy = r.RequestedBy,
            RequestedAt = Iso(r.RequestedAt),
            Kind = r.Kind,
            Version = r.Version,
            AreaTeam = r.Team,
            Nazorg = new Proto.NazorgStatus
            {
                Required = rules.RequireNazorg,
                Done = NazorgGate.IsDoneByContact(s.Nazorg, rules),
                Overridden = s.Nazorg.Override is not null,
                Attempts = s.Nazorg.Attempts.Count,
                UnansweredAttempts = s.Nazorg.UnansweredAttempts,
                ReachedAtAttempt = NazorgGate.ReachedAttempt(s.Nazorg) ?? 0,
                WrittenMessage = s.Nazorg.Messages.Count > 0,
                UnmetRule = unmet?.Rule ?? "",
                WrittenMessageAllowed = NazorgGate.UnansweredAttemptsSuffice(s.Nazorg, rules),
                UnansweredAttemptsNeeded = rules.UnansweredAttemptsBeforeWrittenMessage,
                WorkingDaysNeeded = rules.UnansweredAttemptsMinWorkingDays,
                OverrideReason = s.Nazorg.Override?.Reason ?? "",
                OverriddenBy = s.Nazorg.Override?.By ?? "",
                OverriddenAt = s.Nazorg.Override is { } o ? Iso(o.At) : "",
            },
            WarmHandoverRequired = s.WarmHandoverRequired || signalen.Count > 0,
            ReceivingColleague = r.ReceivingColleague ?? "",
            WarmHandoverConfirmed = r.WarmHandoverConfirmed,
            ReceivingDossierId = r.TransferredAt is null ? "" : s.ReceivingDossierId.ToString(),
            TransferredAt = r.TransferredAt is { } t ? Iso(t) : "",
            DueAt = r.DueAt is { } d ? Iso(d) : "",
            EscalationLevel = r.EscalationLevel,
            Casusoverleg = r.Casusoverleg,
            ReturnReasonCategory = r.ReturnReasonCategory ?? "",
            ReturnReason = r.ReturnReason ?? "",
            CancelReason = r.CancelReason ?? "",
            OpenQuestions = r.OpenQuestions ?? "",
            NazorgNotes = s.Nazorg.Notes() ?? "",
            CasusoverlegOutcome = r.CasusoverlegOutcome ?? "",
            CasusoverlegBy = r.CasusoverlegBy ?? "",
            CasusoverlegAt = r.CasusoverlegAt is { } held ? Iso(held) : "",
        };
        result.History.AddRange(history.Select(h => new Proto.HandoverHistoryEntry
        {
            At = Iso(h.At), What = h.What, By = h.By, Reason = h.Reason ?? "", Category = h.Category ?? "", Level = h.Level ?? "",
            Cause = h.Cause ?? "", Reached = h.Reached, Colleague = h.Colleague ?? "",
        }));
        result.Nazorg.Calls.AddRange(s.Nazorg.Attempts.Select(a => new Proto.NazorgCall { AttemptedAt = Iso(a.AttemptedAt), Reached = a.Reached, RecordedBy = a.By }));
        result.Signalen.AddRange(signalen.Select(n => new Proto.Signaal
        {
            Factor = (Proto.KwetsbaarheidFactor)(int)n.Factor,
            Note = n.Note,
            RecordedBy = n.RecordedBy,
            RecordedAt = Iso(n.RecordedAt),
        }));
        return result;
    }

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
