using Uwv.Contracts.Uitkeren.V1;
using Uwv.Uitkeren.Domain;

namespace Uwv.UnitTests.Divisions.Uitkeren;

public sealed class VoorschotRulesTests
{
    [Fact]
    public void Voorschot_WhileTheWiaClaimIsPending_IsAllowed() =>
        VoorschotRules.Offer(claimDecidedOnOrAfterAanvraag: false, hasWiaUitkering: false, hasOpenVoorschot: false).ShouldBeNull();

    [Fact]
    public void VoorschotWhileWiaClaimPending_AfterTheClaimWasDecided_IsRefused() =>
        VoorschotRules.Offer(true, false, false)!.Rule.ShouldBe("voorschot-while-wia-claim-pending");

    [Fact]
    public void VoorschotWhileWiaClaimPending_WithAWiaUitkering_IsRefused() =>
        VoorschotRules.Offer(false, true, false)!.Rule.ShouldBe("voorschot-while-wia-claim-pending");

    [Fact]
    public void OneVoorschot_WhenOneIsOfferedOrRunning_IsRefused() =>
        VoorschotRules.Offer(false, false, true)!.Rule.ShouldBe("one-voorschot");

    // unanswered so far, reached => unanswered after, e-mail now
    [Theory]
    [InlineData(0, false, 1, false)]
    [InlineData(1, false, 2, false)]
    [InlineData(2, false, 3, true)] // the third unanswered call: an e-mail instead
    [InlineData(3, false, 4, false)] // the e-mail went already
    [InlineData(2, true, 0, false)] // reached: the count starts again
    [InlineData(0, true, 0, false)]
    public void ThreeUnansweredCalls_AnEmailIsSentInstead(int soFar, bool reached, int after, bool email) =>
        VoorschotRules.AfterCall(soFar, reached).ShouldBe((after, email));

    [Theory]
    [InlineData(VoorschotStatus.Verrekend)]
    [InlineData(VoorschotStatus.Ingetrokken)]
    public void VoorschotOpen_CallsAboutASettledVoorschot_AreRefused(VoorschotStatus status) =>
        VoorschotRules.Call(status)!.Rule.ShouldBe("voorschot-open");

    [Fact]
    public void VoorschotAangeboden_OnlyAnOfferedVoorschotStarts()
    {
        VoorschotRules.Start(VoorschotStatus.Aangeboden).ShouldBeNull();
        VoorschotRules.Start(VoorschotStatus.Verstrekt)!.Rule.ShouldBe("voorschot-aangeboden");
    }
}
