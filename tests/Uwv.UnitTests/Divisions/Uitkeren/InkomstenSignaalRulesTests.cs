using Uwv.Uitkeren.Domain;

namespace Uwv.UnitTests.Divisions.Uitkeren;

/// <summary>Inkomsten signals are never dropped: without an uitkering in the month, the signal waits for review.</summary>
public sealed class InkomstenSignaalRulesTests
{
    [Fact]
    public void InkomstenSignaal_WithAnUitkeringInTheMonth_IsVerrekend()
    {
        InkomstenSignaalRules.StatusFor(uitkeringenInMonth: 1).ShouldBe(InkomstenSignaalRules.Verrekend);
    }

    [Fact]
    public void InkomstenSignaal_WithoutUitkeringInTheMonth_IsKeptForReview_NotRefused()
    {
        InkomstenSignaalRules.StatusFor(uitkeringenInMonth: 0).ShouldBe(InkomstenSignaalRules.TeBeoordelen);
    }

    [Fact]
    public void Review_OnlyOfASignalWaitingForIt_Once()
    {
        InkomstenSignaalRules.MayCompleteReview(InkomstenSignaalRules.TeBeoordelen).ShouldBeNull();
        InkomstenSignaalRules.MayCompleteReview(InkomstenSignaalRules.Beoordeeld).ShouldNotBeNull().Rule.ShouldBe(InkomstenSignaalRules.ReviewOpenRule);
        InkomstenSignaalRules.MayCompleteReview(InkomstenSignaalRules.Verrekend).ShouldNotBeNull().Rule.ShouldBe(InkomstenSignaalRules.ReviewOpenRule);
    }
}
