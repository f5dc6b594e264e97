using Uwv.Handover.Domain;

namespace Uwv.UnitTests.Handover;

/// <summary>Kwetsbaarheid is temporary: a signaal ends once; withdrawn consent ends every active signaal of the client.</summary>
public sealed class SignaalLifecycleTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EndSignaal_WhenActive_IsAllowed_AndOnlyActiveSignalenAreShown()
    {
        SignaalLifecycle.MayEnd(null).ShouldBeNull();
        SignaalLifecycle.IsActive(null).ShouldBeTrue();
        SignaalLifecycle.IsActive(At).ShouldBeFalse();
    }

    [Fact]
    public void EndSignaal_WhenEndedAlready_IsRefused()
    {
        SignaalLifecycle.MayEnd(At).ShouldNotBeNull().Rule.ShouldBe(SignaalLifecycle.SignaalEndedRule);
    }

    [Fact]
    public void WithdrawConsent_EndsEveryActiveSignaal_AndNoEndedOne()
    {
        (string Id, DateTimeOffset? EndedAt)[] signalen = [("a", null), ("b", At), ("c", null)];

        SignaalLifecycle.EndedByConsentWithdrawal(signalen, s => s.EndedAt).Select(s => s.Id).ShouldBe(["a", "c"]);
    }
}
