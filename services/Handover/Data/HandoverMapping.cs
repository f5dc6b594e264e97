using System.Text.Json;
using Uwv.Handover.Domain;

namespace Uwv.Handover.Data;

/// <summary>Between the stored record and the decider's state.</summary>
public static class HandoverMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HandoverState ToState(HandoverRecord r) => new()
    {
        HandoverId = r.HandoverId,
        ClientId = r.ClientId,
        DossierId = r.DossierId,
        LineageId = r.LineageId,
        From = r.FromDivision,
        To = r.ToDivision,
        AreaTeam = r.Team,
        Kind = r.Kind,
        Status = r.State,
        Version = r.Version,
        Reason = r.Reason,
        OpenQuestions = r.OpenQuestions,
        RequestedBy = r.RequestedBy,
        RequestedAt = r.RequestedAt,
        Nazorg = JsonSerializer.Deserialize<NazorgLog>(r.NazorgJson, Json) ?? NazorgLog.Empty,
        WarmHandoverRequired = r.WarmHandoverRequired,
        ReceivingColleague = r.ReceivingColleague,
        WarmHandoverConfirmed = r.WarmHandoverConfirmed,
        TransferredAt = r.TransferredAt,
        DueAt = r.DueAt,
        NextEscalationAt = r.NextEscalationAt,
        EscalationLevel = r.EscalationLevel,
        Casusoverleg = r.Casusoverleg,
        ReturnReasonCategory = r.ReturnReasonCategory,
        ReturnReason = r.ReturnReason,
        CancelReason = r.CancelReason,
        CasusoverlegOutcome = r.CasusoverlegOutcome is { } outcome
            ? new CasusoverlegOutcome(outcome, r.CasusoverlegBy ?? "", r.CasusoverlegAt ?? r.RequestedAt)
            : null,
    };

    public static HandoverRecord NewRecord(HandoverState s, string? requestId)
    {
        var record = new HandoverRecord
        {
            HandoverId = s.HandoverId,
            ClientId = s.ClientId,
            DossierId = s.DossierId,
            LineageId = s.LineageId,
            FromDivision = s.From,
            ToDivision = s.To,
            Kind = s.Kind,
            State = s.Status,
            Reason = s.Reason,
            OpenQuestions = s.OpenQuestions,
            RequestedBy = s.RequestedBy,
            Team = s.AreaTeam,
            RequestedAt = s.RequestedAt,
            RequestId = requestId,
            NazorgJson = "{}",
        };
        Apply(record, s);
        return record;
    }

    /// <summary>Copies what a transition may change onto the record (the identity fields never change).</summary>
    public static void Apply(HandoverRecord r, HandoverState s)
    {
        r.State = s.Status;
        r.Version = s.Version;
        r.NazorgJson = JsonSerializer.Serialize(s.Nazorg, Json);
        r.WarmHandoverRequired = s.WarmHandoverRequired;
        r.ReceivingColleague = s.ReceivingColleague;
        r.WarmHandoverConfirmed = s.WarmHandoverConfirmed;
        r.TransferredAt = s.TransferredAt;
        r.DueAt = s.DueAt;
        r.NextEscalationAt = s.NextEscalationAt;
        r.EscalationLevel = s.EscalationLevel;
        r.Casusoverleg = s.Casusoverleg;
        r.ReturnReasonCategory = s.ReturnReasonCategory;
        r.ReturnReason = s.ReturnReason;
        r.CancelReason = s.CancelReason;
        r.CasusoverlegOutcome = s.CasusoverlegOutcome?.Outcome;
        r.CasusoverlegBy = s.CasusoverlegOutcome?.By;
        r.CasusoverlegAt = s.CasusoverlegOutcome?.At;
    }

    public static IEnumerable<HandoverHistoryRecord> ToRecords(Guid handoverId, long version, IReadOnlyList<HistoryEntry> entries) =>
        entries.Select((e, i) => new HandoverHistoryRecord
        {
            HandoverId = handoverId, Version = version, Seq = i, At = e.At, What = e.What, By = e.By, Reason = e.Reason,
            Category = e.Category, Level = e.Level, Cause = e.Cause, Reached = e.Reached, Colleague = e.Colleague,
        });

    public static HistoryEntry ToEntry(HandoverHistoryRecord r) => new(r.At, r.What, r.By)
    {
        Reason = r.Reason, Category = r.Category, Level = r.Level, Cause = r.Cause, Reached = r.Reached, Colleague = r.Colleague,
    };

    public static OwnershipRow ToRow(DossierOwnership d) => new(d.DossierId, d.LineageId, d.ClientId, d.Division, d.Team, d.Active, d.Since);
}
