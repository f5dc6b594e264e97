using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Deadlines;
using static Uwv.UnitTests.Deadlines.NormTermsTests;

namespace Uwv.UnitTests.Deadlines;

public sealed class NormRulesTests
{
    private static NormDeadlineRecord Deadline() => new()
    {
        DeadlineId = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        Norm = Norms.Terugbelverzoek,
        SubjectId = Guid.NewGuid(),
        Division = DivisionCode.Uitkeren,
        AreaTeam = "arnhem-noord",
        WarnAt = At(2026, 3, 3, 6),
        DueAt = At(2026, 3, 3, 10),
        Version = 1,
    };

    private static NormDeadlineRecord Warned()
    {
        var d = Deadline();
        d.WarnedAt = At(2026, 3, 3, 6);
        return d;
    }

    [Fact]
    public void Deadline_BeforeItsWarningMoment_DoesNothing() =>
        NormRules.Next(Deadline(), At(2026, 3, 3, 5, 59)).ShouldBe(NormStep.None);

    [Fact]
    public void Deadline_FromItsWarningMoment_Warns() =>
        NormRules.Next(Deadline(), At(2026, 3, 3, 6)).ShouldBe(NormStep.Warn);

    [Fact]
    public void Deadline_Warned_DoesNotWarnAgain()
    {
        var d = Deadline();
        d.WarnedAt = At(2026, 3, 3, 6);
        NormRules.Next(d, At(2026, 3, 3, 9)).ShouldBe(NormStep.None);
    }

    [Fact]
    public void Deadline_OnItsDueMoment_IsNotYetPassed() =>
        NormRules.Next(Warned(), At(2026, 3, 3, 10)).ShouldBe(NormStep.None);

    [Fact]
    public void Deadline_Passed_EscalatesWarnedOrNot()
    {
        NormRules.Next(Deadline(), At(2026, 3, 3, 10, 1)).ShouldBe(NormStep.Escalate);
        var warned = Deadline();
        warned.WarnedAt = At(2026, 3, 3, 6);
        NormRules.Next(warned, At(2026, 3, 3, 10, 1)).ShouldBe(NormStep.Escalate);
    }

    [Fact]
    public void Deadline_Escalated_EscalatesOnlyOnce()
    {
        var d = Deadline();
        d.EscalatedAt = At(2026, 3, 3, 10, 1);
        NormRules.Next(d, At(2026, 3, 9, 10)).ShouldBe(NormStep.None);
    }

    [Fact]
    public void Deadline_Resolved_NeitherWarnsNorEscalates()
    {
        var d = Deadline();
        d.ResolvedAt = At(2026, 3, 3, 9);
        NormRules.Next(d, At(2026, 3, 3, 7)).ShouldBe(NormStep.None);
        NormRules.Next(d, At(2026, 3, 9, 10)).ShouldBe(NormStep.None);
    }

    [Fact]
    public void Deadline_WithoutWarningMoment_OnlyEscalates()
    {
        var d = Deadline();
        d.WarnAt = null;
        NormRules.Next(d, At(2026, 3, 3, 9)).ShouldBe(NormStep.None);
        NormRules.Next(d, At(2026, 3, 3, 11)).ShouldBe(NormStep.Escalate);
    }

    [Fact]
    public void WorkDoneByTheDueMoment_MeetsTheNorm() =>
        NormRules.Outcome(At(2026, 3, 3, 10), At(2026, 3, 3, 10)).ShouldBe(NormOutcomes.Met);

    [Fact]
    public void WorkDoneAfterTheDueMoment_IsLate() =>
        NormRules.Outcome(At(2026, 3, 3, 10), At(2026, 3, 3, 10, 1)).ShouldBe(NormOutcomes.Late);

    [Fact]
    public void Terugbelverzoek_ClosedWithoutReaching_DoesNotMeetTheNorm() =>
        NormRules.Outcome(At(2026, 3, 3, 10), At(2026, 3, 2, 11), reached: false).ShouldBe(NormOutcomes.NotReached);

    [Fact]
    public void MovedDeadline_LaterWarningMoment_WarnsAgain_ButAnEscalationStaysGiven()
    {
        var d = Deadline();
        d.WarnedAt = At(2026, 3, 3, 6);
        NormRules.Move(d, new NormTerm(At(2026, 4, 1, 8), At(2026, 4, 15, 17)), At(2026, 3, 3, 7));
        (d.DueAt, d.WarnedAt).ShouldBe((At(2026, 4, 15, 17), (DateTimeOffset?)null));
        NormRules.Next(d, At(2026, 4, 1, 8)).ShouldBe(NormStep.Warn);

        var escalated = Deadline();
        escalated.EscalatedAt = At(2026, 3, 3, 11);
        NormRules.Move(escalated, new NormTerm(At(2026, 4, 1, 8), At(2026, 4, 15, 17)), At(2026, 3, 4, 7));
        NormRules.Next(escalated, At(2026, 4, 16, 8)).ShouldBe(NormStep.None);
    }

    [Fact]
    public void SuspendedDeadline_PastItsDueMoment_NeitherWarnsNorEscalates()
    {
        var d = Deadline();
        NormRules.Suspend(d, At(2026, 3, 3, 5)).ShouldBeTrue();
        NormRules.Next(d, At(2026, 3, 3, 6)).ShouldBe(NormStep.None);
        NormRules.Next(d, At(2026, 3, 9, 10)).ShouldBe(NormStep.None);
    }

    [Fact]
    public void Suspend_AnAlreadySuspendedOrResolvedDeadline_ChangesNothing()
    {
        var d = Deadline();
        NormRules.Suspend(d, At(2026, 3, 3, 5)).ShouldBeTrue();
        NormRules.Suspend(d, At(2026, 3, 3, 7)).ShouldBeFalse();
        d.SuspendedAt.ShouldBe(At(2026, 3, 3, 5));
        var resolved = Deadline();
        resolved.ResolvedAt = At(2026, 3, 3, 4);
        NormRules.Suspend(resolved, At(2026, 3, 3, 5)).ShouldBeFalse();
        resolved.SuspendedAt.ShouldBeNull();
    }

    [Fact]
    public void Move_EndsTheSuspension_SoTheNewTermWarnsAndEscalates()
    {
        var d = Deadline();
        NormRules.Suspend(d, At(2026, 3, 3, 5));
        var term = new NormTerm(At(2026, 3, 10, 8), At(2026, 3, 17, 17));
        NormRules.Changes(d, term).ShouldBeTrue();
        NormRules.Move(d, term, At(2026, 3, 9, 9));
        d.SuspendedAt.ShouldBeNull();
        NormRules.Next(d, At(2026, 3, 10, 8)).ShouldBe(NormStep.Warn);
        NormRules.Next(d, At(2026, 3, 17, 17, 1)).ShouldBe(NormStep.Escalate);
    }

    [Fact]
    public void MovedDeadline_WarnedAndEscalated_KeepsItsWarning()
    {
        var d = Warned();
        d.EscalatedAt = At(2026, 3, 3, 11);

        NormRules.Move(d, new NormTerm(At(2026, 4, 1, 8), At(2026, 4, 15, 17)), At(2026, 3, 4, 7));

        d.WarnedAt.ShouldBe(At(2026, 3, 3, 6));
    }

    [Fact]
    public void Changes_WhenOnlyTheWarningMomentOrOnlyTheDueMomentMoves_IsAChange()
    {
        var d = Deadline();

        NormRules.Changes(d, new NormTerm(At(2026, 3, 3, 7), d.DueAt)).ShouldBeTrue();
        NormRules.Changes(d, new NormTerm(d.WarnAt, At(2026, 3, 3, 11))).ShouldBeTrue();
    }

    [Fact]
    public void Changes_ForASuspendedDeadline_IsTrueEvenWithTheSameTerm()
    {
        var d = Deadline();
        var same = new NormTerm(d.WarnAt, d.DueAt);
        NormRules.Changes(d, same).ShouldBeFalse();
        NormRules.Suspend(d, At(2026, 3, 3, 5));
        NormRules.Changes(d, same).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void RetryDelay_OfAFailingDeadline_DoublesFromOneMinuteUpToAnHour(int failedAttempts, int minutes) =>
        NormRules.RetryDelay(failedAttempts).ShouldBe(TimeSpan.FromMinutes(minutes));
}
