using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Werkbedrijf.Domain;

namespace Uwv.UnitTests.Divisions.Werkbedrijf;

/// <summary>The edges of the phase order: nothing comes after afgerond, and an unknown phase has no successor.</summary>
public sealed class TrajectPhaseEdgeTests
{
    [Fact]
    public void Next_AfterAfgerond_IsNone() => TrajectPhases.Next(TrajectPhase.Afgerond).ShouldBeNull();

    [Fact]
    public void Next_OfAPhaseOutsideTheOrder_IsNone() => TrajectPhases.Next(TrajectPhase.Unspecified).ShouldBeNull();

    [Fact]
    public void Next_OfTheFirstPhase_IsTheSecond() => TrajectPhases.Next(TrajectPhase.ContactMaken).ShouldBe(TrajectPhase.Verkennen);
}
