using Uwv.Contracts.Events;
using Uwv.Handover.Domain;

namespace Uwv.UnitTests.Handover;

/// <summary>Builds handovers through the decider itself, so every test starts from a state the rules can reach.</summary>
internal static class HandoverScenario
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    public static readonly HandoverOptions Options = new() { Office = Uwv.UnitTests.Calendar.TestCalendar.Office };
    public const string Sender = "procesbegeleider.arnhem-noord";
    public const string Receiver = "adviseur-werk.arnhem-noord";

    /// <summary>A local Amsterdam time as an instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    /// <summary>Monday 2 March 2026, 09:00.</summary>
    public static readonly DateTimeOffset Monday = At(2026, 3, 2, 9);

    public static OwnershipRow Owner(Guid dossierId, DivisionCode division) =>
        new(dossierId, dossierId, Guid.NewGuid(), division, "arnhem-noord", Active: true, Monday.AddDays(-30));

    public static HandoverState Requested(
        DivisionCode from = DivisionCode.Smz, DivisionCode to = DivisionCode.Werkbedrijf, DateTimeOffset? at = null, bool signalen = false)
    {
        var dossierId = Guid.NewGuid();
        var owner = Owner(dossierId, from);
        var input = new RequestInput(Guid.NewGuid(), owner.ClientId, dossierId, from, to, "beoordeling afgerond", "Wil de cliënt parttime werken?",
            Sender, owner, OpenHandoverExists: false, ClientHasSignalen: signalen);
        return Ok(HandoverDecider.Request(input, Options, at ?? Monday));
    }

    public static Decision Decide(HandoverState state, HandoverCommand command, DateTimeOffset? at = null) =>
        HandoverDecider.Decide(state, command, Options, at ?? Monday.AddHours(1));

    public static HandoverState Ok(Decision decision)
    {
        decision.Refusal.ShouldBeNull(decision.Refusal?.Explanation);
        return decision.State!;
    }

    public static HandoverState Apply(HandoverState state, HandoverCommand command, DateTimeOffset? at = null) => Ok(Decide(state, command, at));

    public static RecordNazorgAttempt Reached(DateTimeOffset at, string? extraNeeds = null) =>
        new(Sender, Reached: true, UnderstandsOutcome: true, KnowsNextSteps: true, extraNeeds, at);

    public static RecordNazorgAttempt Unanswered(DateTimeOffset at) => new(Sender, Reached: false, false, false, null, at);

    public static TransferHandover Transfer(IReadOnlyList<DossierMove>? history = null, IReadOnlyList<SignaalNote>? signalen = null) =>
        new(Sender, signalen ?? [], history ?? []);

    /// <summary>Requested, nazorg done by a reached call, transferred at <paramref name="at"/>.</summary>
    public static HandoverState Transferred(DateTimeOffset? at = null, DivisionCode from = DivisionCode.Smz, DivisionCode to = DivisionCode.Werkbedrijf)
    {
        var when = at ?? Monday.AddHours(1);
        var ready = Apply(Requested(from, to, when.AddHours(-1)), Reached(when.AddMinutes(-30)), when.AddMinutes(-30));
        return Apply(ready, Transfer(), when);
    }
}
