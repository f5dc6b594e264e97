using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>The moves of the dossier: transfer, acceptance, return, cancellation and escalation.</summary>
public static partial class HandoverDecider
{
    public const string Teamleider = "teamleider";
    public const string Manager = "manager";
    public const string AcceptanceSla = "acceptance-sla";
    public const string ReturnFollowUpSla = "return-follow-up-sla";
    public const string PingPongCause = "ping-pong";

    private static Decision Transfer(HandoverState s, TransferHandover c, HandoverRules rules, HandoverOptions options, DateTimeOffset now)
    {
        var warmRequired = s.WarmHandoverRequired || c.Signalen.Count > 0;
        if (UnmetRule(s, rules, warmRequired) is { } unmet)
        {
            return new Decision(null, [], unmet);
        }
        var due = SlaClock.Deadline(now, rules.AcceptanceWorkingDays, rules.OfficeHours);
        var next = s with
        {
            Status = HandoverStates.Transferred,
            Version = s.Version + 1,
            WarmHandoverRequired = warmRequired,
            TransferredAt = now,
            DueAt = due,
            NextEscalationAt = due,
            EscalationLevel = 0,
            ReturnReason = null,
            ReturnReasonCategory = null,
        };
        var pingPong = PingPong.Detect(c.History, new DossierMove(s.From, s.To, now), TimeSpan.FromDays(options.PingPongWindowDays));
        if (pingPong is { Casusoverleg: true })
        {
            next = next with { Casusoverleg = true, EscalationLevel = 1, Status = HandoverStates.Escalated };
        }
        var snapshot = next.Snapshot();
        var package = new HandoverPackage(s.Nazorg.Notes(), s.OpenQuestions, c.Signalen);
        var receiver = s.WarmHandoverConfirmed ? s.ReceivingColleague ?? "" : "";
        var events = new List<IClientEvent>
        {
            new HandoverTransferred(s.ClientId, snapshot, s.ReceivingDossierId, NazorgGate.Summarize(s.Nazorg, rules), package, c.Actor, now),
            new DossierTransferred(DossierIds.Transfer(s.HandoverId, next.Version), s.HandoverId, s.ClientId, s.LineageId,
                s.DossierId, s.ReceivingDossierId, s.From, s.To, s.AreaTeam, receiver, "transfer", now),
        };
        AddPingPong(events, next, pingPong, s.To, now);
        return new Decision(next, events, null);
    }

    private static Decision Accept(HandoverState s, AcceptHandover c, DateTimeOffset now)
    {
        var next = s with { Status = HandoverStates.Accepted, Version = s.Version + 1, DueAt = null, NextEscalationAt = null };
        return Emit(next, new HandoverAccepted(s.ClientId, next.Snapshot(), c.Actor, now));
    }

    private static Decision Return(HandoverState s, ReturnHandover c, HandoverRules rules, HandoverOptions options, DateTimeOffset now)
    {
        var due = SlaClock.Deadline(now, rules.ReturnFollowUpWorkingDays, rules.OfficeHours);
        var next = s with
        {
            Status = HandoverStates.Returned,
            Version = s.Version + 1,
            DueAt = due,
            NextEscalationAt = due,
            EscalationLevel = 0,
            ReturnReasonCategory = c.ReasonCategory,
            ReturnReason = c.Reason,
            WarmHandoverConfirmed = false,
        };
        var pingPong = PingPong.Detect(c.History, new DossierMove(s.To, s.From, now), TimeSpan.FromDays(options.PingPongWindowDays));
        if (pingPong is { Casusoverleg: true })
        {
            next = next with { Casusoverleg = true, EscalationLevel = 1 };
        }
        var events = new List<IClientEvent>
        {
            new HandoverReturned(s.ClientId, next.Snapshot(), c.ReasonCategory, c.Reason, c.Actor, now),
            new DossierTransferred(DossierIds.Transfer(s.HandoverId, next.Version), s.HandoverId, s.ClientId, s.LineageId,
                s.ReceivingDossierId, s.DossierId, s.To, s.From, s.AreaTeam, s.RequestedBy, "return", now),
        };
        AddPingPong(events, next, pingPong, s.From, now);
        return new Decision(next, events, null);
    }

    private static Decision Cancel(HandoverState s, CancelHandover c, DateTimeOffset now)
    {
        var next = s with { Status = HandoverStates.Cancelled, Version = s.Version + 1, CancelReason = c.Reason, DueAt = null, NextEscalationAt = null };
        return Emit(next, new HandoverCancelled(s.ClientId, next.Snapshot(), c.Reason, c.Actor, now));
    }

    /// <summary>A deadline passed: one level up (teamleider, then manager). Anything else is a late, harmless no-op.</summary>
    private static Decision Escalate(HandoverState s, HandoverRules rules, DateTimeOffset now)
    {
        var awaiting = HandoverStates.AwaitsAcceptance(s.Status);
        if ((!awaiting && s.Status != HandoverStates.Returned) || s.EscalationLevel >= 2 || s.NextEscalationAt is null || s.NextEscalationAt > now)
        {
            return Decision.Unchanged(s);
        }
        var level = s.EscalationLevel + 1;
        var next = s with
        {
            Status = awaiting ? HandoverStates.Escalated : s.Status,
            Version = s.Version + 1,
            EscalationLevel = level,
            NextEscalationAt = level < 2 ? SlaClock.Deadline(now, rules.ManagerEscalationWorkingDays, rules.OfficeHours) : null,
        };
        var cause = awaiting ? AcceptanceSla : ReturnFollowUpSla;
        return Emit(next, new HandoverEscalated(s.ClientId, next.Snapshot(), LevelName(level), cause, now));
    }

    /// <summary>
    /// Once per handover that a second ping-pong sent to the casusoverleg, in whatever state it is now: the team's
    /// agreement is recorded, the handover itself does not move.
    /// </summary>
    private static Decision HoldCasusoverleg(HandoverState s, RecordCasusoverleg c, DateTimeOffset now)
    {
        if (!s.Casusoverleg)
        {
            return Decision.Refuse(CasusoverlegPending, "this handover was not sent to a casusoverleg");
        }
        if (s.CasusoverlegOutcome is not null)
        {
            return Decision.Refuse(CasusoverlegPending, "the casusoverleg's outcome of this handover is already recorded");
        }
        var next = s with { Version = s.Version + 1, CasusoverlegOutcome = new CasusoverlegOutcome(c.Outcome, c.Actor, now) };
        return Emit(next, new CasusoverlegHeld(s.ClientId, next.Snapshot(), c.Outcome, c.Actor, now));
    }

    public static string LevelName(int level) => level >= 2 ? Manager : Teamleider;

    private static void AddPingPong(List<IClientEvent> events, HandoverState next, PingPongResult? pingPong, DivisionCode returnedTo, DateTimeOffset now)
    {
        if (pingPong is null)
        {
            return;
        }
        events.Add(new PingPongDetected(next.ClientId, next.Snapshot(), returnedTo, pingPong.Kind, pingPong.Count, pingPong.Casusoverleg, now));
        if (pingPong.Casusoverleg)
        {
            events.Add(new HandoverEscalated(next.ClientId, next.Snapshot(), Teamleider, PingPongCause, now));
        }
    }
}
