using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>
/// The handover state machine as a pure decision function: <c>Decide(state, command, rules, now)</c> returns the new
/// state and the events to publish, or a refusal naming the broken rule (and then nothing may be written).
/// </summary>
/// <remarks>
/// requested → nazorg-pending → ready → transferred → accepted; transferred → returned (back to the sender, who
/// re-transfers or cancels); transferred → escalated (teamleider, then manager) → accepted or returned;
/// requested / nazorg-pending / ready / returned → cancelled. The transfer is refused until the nazorg gate (and,
/// when the client has kwetsbaarheid signalen, the warme overdracht) is satisfied.
/// </remarks>
public static partial class HandoverDecider
{
    public const string OwnerDivision = "owner-division";
    public const string OneOpenHandover = "one-open-handover";
    public const string StateRule = "handover-state";
    public const string OverrideNotNeeded = "override-not-needed";
    public const string WarmHandoverArranged = "warm-handover-arranged";
    public const string WarmHandoverColleague = "warm-handover-colleague";
    public const string CasusoverlegPending = "casusoverleg-pending";

    public static Decision Request(RequestInput input, HandoverOptions options, DateTimeOffset now)
    {
        if (input.Owner is not { Active: true } owner || owner.Division != input.From)
        {
            return Decision.Refuse(OwnerDivision, "a dossier can only be handed over by the division that owns it");
        }
        if (input.OpenHandoverExists)
        {
            return Decision.Refuse(OneOpenHandover, "the dossier already has an open handover");
        }
        var kind = HandoverKinds.Of(input.From, input.To);
        var rules = options.RulesFor(kind);
        var state = new HandoverState
        {
            HandoverId = input.HandoverId,
            ClientId = input.ClientId,
            DossierId = input.DossierId,
            LineageId = owner.LineageId,
            From = input.From,
            To = input.To,
            AreaTeam = owner.Team,
            Kind = kind,
            Status = HandoverStates.Requested,
            Version = 1,
            Reason = input.Reason,
            OpenQuestions = input.OpenQuestions,
            RequestedBy = input.Actor,
            RequestedAt = now,
            WarmHandoverRequired = input.ClientHasSignalen,
        };
        state = state with { Status = SenderStatus(state, rules) };
        return new Decision(state, [new HandoverRequested(state.ClientId, state.Snapshot(), state.Reason, state.OpenQuestions, input.Actor, now)], null);
    }

    public static Decision Decide(HandoverState state, HandoverCommand command, HandoverOptions options, DateTimeOffset now)
    {
        var rules = options.RulesFor(state.Kind);
        return command switch
        {
            RecordNazorgAttempt c => AtSender(state, "record a nazorg attempt") ?? Attempt(state, c, rules, now),
            RecordWrittenMessage c => AtSender(state, "record a written message") ?? Written(state, c, rules, now),
            OverrideNazorg c => AtSender(state, "override the nazorg") ?? Override(state, c, rules, now),
            ArrangeWarmHandover c => AtSender(state, "arrange a warme overdracht") ?? Arrange(state, c, rules, now),
            ConfirmWarmHandover c => AtSender(state, "confirm a warme overdracht") ?? Confirm(state, c, rules, now),
            TransferHandover c => AtSender(state, "transfer") ?? Transfer(state, c, rules, options, now),
            AcceptHandover c => AwaitingAcceptance(state, "accept") ?? Accept(state, c, now),
            ReturnHandover c => AwaitingAcceptance(state, "return") ?? Return(state, c, rules, options, now),
            CancelHandover c => AtSender(state, "cancel") ?? Cancel(state, c, now),
            EscalateHandover => Escalate(state, rules, now),
            RecordCasusoverleg c => HoldCasusoverleg(state, c, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown handover command"),
        };
    }

    /// <summary>Where a handover at the sender stands: ready when the gate is open, else whether nazorg has started.</summary>
    public static string SenderStatus(HandoverState state, HandoverRules rules)
    {
        if (state.Status == HandoverStates.Returned)
        {
            return HandoverStates.Returned;
        }
        if (UnmetRule(state, rules, state.WarmHandoverRequired) is null)
        {
            return HandoverStates.Ready;
        }
        return state.Nazorg.IsEmpty ? HandoverStates.Requested : HandoverStates.NazorgPending;
    }

    /// <summary>The first gate rule not met (nazorg before warme overdracht), or null when the transfer may go ahead.</summary>
    public static Refusal? UnmetRule(HandoverState state, HandoverRules rules, bool warmRequired)
    {
        if (!NazorgGate.IsOpen(state.Nazorg, rules))
        {
            var unanswered = state.Nazorg.UnansweredAttempts;
            return new Refusal(GateRules.NazorgDone,
                "nazorg is not done: record a reached call in which the client understood the outcome and knows the next steps, "
                + $"or, after {rules.UnansweredAttemptsBeforeWrittenMessage} unanswered attempts on at least {rules.UnansweredAttemptsMinWorkingDays} "
                + $"working days, a letter or e-mail ({unanswered} unanswered so far)");
        }
        if (warmRequired && !state.WarmHandoverConfirmed)
        {
            return new Refusal(GateRules.WarmHandover,
                "the client has kwetsbaarheid signalen: a named receiving colleague must confirm the introduction first");
        }
        return null;
    }

    private static Decision Attempt(HandoverState s, RecordNazorgAttempt c, HandoverRules rules, DateTimeOffset now)
    {
        var attempt = new NazorgAttempt(c.AttemptedAt, c.Reached, c.Reached && c.UnderstandsOutcome, c.Reached && c.KnowsNextSteps, c.Reached ? c.ExtraNeeds : null, c.Actor);
        var next = Advance(s with { Nazorg = s.Nazorg with { Attempts = [.. s.Nazorg.Attempts, attempt] } }, rules);
        return Emit(next, new NazorgAttemptRecorded(s.ClientId, next.Snapshot(), next.Nazorg.Attempts.Count, attempt.Reached,
            attempt.UnderstandsOutcome, attempt.KnowsNextSteps, attempt.ExtraNeeds, attempt.AttemptedAt, now));
    }

    private static Decision Written(HandoverState s, RecordWrittenMessage c, HandoverRules rules, DateTimeOffset now)
    {
        if (!NazorgGate.UnansweredAttemptsSuffice(s.Nazorg, rules))
        {
            return Decision.Refuse(GateRules.WrittenMessageAfterUnansweredAttempts,
                $"a letter or e-mail replaces the call only after {rules.UnansweredAttemptsBeforeWrittenMessage} unanswered attempts "
                + $"on at least {rules.UnansweredAttemptsMinWorkingDays} working days");
        }
        var next = Advance(s with { Nazorg = s.Nazorg with { Messages = [.. s.Nazorg.Messages, new WrittenMessage(c.Channel, now, c.Actor)] } }, rules);
        return Emit(next, new NazorgWrittenMessageRecorded(s.ClientId, next.Snapshot(), c.Channel, now));
    }

    private static Decision Override(HandoverState s, OverrideNazorg c, HandoverRules rules, DateTimeOffset now)
    {
        if (!rules.RequireNazorg || s.Nazorg.Override is not null || NazorgGate.IsDoneByContact(s.Nazorg, rules))
        {
            return Decision.Refuse(OverrideNotNeeded, "the nazorg gate of this handover is already open");
        }
        var next = Advance(s with { Nazorg = s.Nazorg with { Override = new NazorgOverride(c.Reason, c.Actor, now) } }, rules);
        return Emit(next, new NazorgOverridden(s.ClientId, next.Snapshot(), c.Reason, c.Actor, now));
    }

    private static Decision Arrange(HandoverState s, ArrangeWarmHandover c, HandoverRules rules, DateTimeOffset now)
    {
        var next = Advance(s with { ReceivingColleague = c.ReceivingColleague, WarmHandoverConfirmed = false }, rules);
        return Emit(next, new WarmHandoverArranged(s.ClientId, next.Snapshot(), c.ReceivingColleague, now));
    }

    private static Decision Confirm(HandoverState s, ConfirmWarmHandover c, HandoverRules rules, DateTimeOffset now)
    {
        if (s.ReceivingColleague is null)
        {
            return Decision.Refuse(WarmHandoverArranged, "no receiving colleague has been named for the warme overdracht");
        }
        if (!string.Equals(s.ReceivingColleague, c.Actor, StringComparison.OrdinalIgnoreCase))
        {
            return Decision.Refuse(WarmHandoverColleague, "only the named receiving colleague confirms the introduction");
        }
        var next = Advance(s with { WarmHandoverConfirmed = true }, rules);
        return Emit(next, new WarmHandoverConfirmed(s.ClientId, next.Snapshot(), c.Actor, now));
    }

    private static Decision? AtSender(HandoverState s, string what) =>
        HandoverStates.AtSender(s.Status) ? null : Decision.Refuse(StateRule, $"cannot {what} a handover that is {s.Status}");

    private static Decision? AwaitingAcceptance(HandoverState s, string what) =>
        HandoverStates.AwaitsAcceptance(s.Status) ? null : Decision.Refuse(StateRule, $"cannot {what} a handover that is {s.Status}");

    private static HandoverState Advance(HandoverState s, HandoverRules rules)
    {
        var bumped = s with { Version = s.Version + 1 };
        return bumped with { Status = SenderStatus(bumped, rules) };
    }

    private static Decision Emit(HandoverState state, params IClientEvent[] events) => new(state, events, null);
}
