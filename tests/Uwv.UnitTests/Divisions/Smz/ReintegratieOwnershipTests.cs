using Uwv.Contracts.Smz.V1;
using Uwv.Smz.Domain;
using static Uwv.Smz.Domain.ReintegratieOwnership;

namespace Uwv.UnitTests.Divisions.Smz;

/// <summary>The WGA safeguard: a WGA client has a re-integratie owner before SMZ closes the dossier.</summary>
public sealed class ReintegratieOwnershipTests
{
    private static readonly ReintegratieState WgaWithoutOwner = new(Wga: true, Owner: null);

    [Theory]
    [InlineData(AoKlasse._3580, true)]
    [InlineData(AoKlasse._80100Wga, true)]
    [InlineData(AoKlasse.Below35, false)]
    [InlineData(AoKlasse.Iva, false)]
    public void WgaOutcome_IsAoKlasse35To80Or80To100Wga(AoKlasse klasse, bool wga)
    {
        IsWga(klasse).ShouldBe(wga);
        AfterBeoordeling(null, klasse).NeedsOwner.ShouldBe(wga);
    }

    [Fact]
    public void CloseDossier_WhenWgaClientHasNoOwner_IsRefused()
    {
        MayCloseDossier(WgaWithoutOwner).ShouldNotBeNull().Rule.ShouldBe(OwnerRule);
    }

    [Fact]
    public void CloseDossier_WhenWerkbedrijfAccepted_OrATeamleiderRecordedWhyNotNeeded_IsAllowed()
    {
        MayCloseDossier(AfterWerkbedrijfAccepted(WgaWithoutOwner)).ShouldBeNull();
        MayCloseDossier(WgaWithoutOwner with { Owner = NotNeeded }).ShouldBeNull();
    }

    [Fact]
    public void CloseDossier_WithoutWgaOutcome_OrWithoutBeoordeling_IsAllowed()
    {
        MayCloseDossier(null).ShouldBeNull();
        MayCloseDossier(AfterBeoordeling(null, AoKlasse.Iva)).ShouldBeNull();
    }

    [Fact]
    public void RecordNotNeeded_WithoutWgaOutcome_IsRefused()
    {
        MayRecordNotNeeded(null).ShouldNotBeNull().Rule.ShouldBe(WgaOutcomeRule);
        MayRecordNotNeeded(new ReintegratieState(false, null)).ShouldNotBeNull().Rule.ShouldBe(WgaOutcomeRule);
    }

    [Fact]
    public void RecordNotNeeded_WhenTheReintegratieHasAnOwner_IsRefused()
    {
        MayRecordNotNeeded(AfterWerkbedrijfAccepted(WgaWithoutOwner)).ShouldNotBeNull().Rule.ShouldBe(OwnerKnownRule);
        MayRecordNotNeeded(WgaWithoutOwner with { Owner = NotNeeded }).ShouldNotBeNull().Rule.ShouldBe(OwnerKnownRule);
        MayRecordNotNeeded(WgaWithoutOwner).ShouldBeNull();
    }

    [Fact]
    public void NewWgaOutcome_KeepsWerkbedrijfAsOwner_ButAsksAgainAfterANotNeededReason()
    {
        AfterBeoordeling(new ReintegratieState(true, ReintegratieOwnership.Werkbedrijf), AoKlasse._80100Wga).ShouldBe(new ReintegratieState(true, ReintegratieOwnership.Werkbedrijf));
        AfterBeoordeling(new ReintegratieState(true, NotNeeded), AoKlasse._3580).ShouldBe(WgaWithoutOwner);
    }

    [Fact]
    public void WerkbedrijfAcceptedBeforeAnyWgaOutcome_StillOwnsItAfterOne()
    {
        var accepted = AfterWerkbedrijfAccepted(null);
        accepted.NeedsOwner.ShouldBeFalse();
        AfterBeoordeling(accepted, AoKlasse._3580).ShouldBe(new ReintegratieState(true, ReintegratieOwnership.Werkbedrijf));
    }
}
