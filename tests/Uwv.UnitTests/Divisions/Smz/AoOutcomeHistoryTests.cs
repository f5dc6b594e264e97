using Uwv.Contracts.Smz.V1;
using Uwv.Smz.Domain;

namespace Uwv.UnitTests.Divisions.Smz;

/// <summary>
/// Which beoordeling came before (the AO% changed or not, for the herbeoordelingsverzoek measure), and who owns the
/// re-integratie after a new beoordeling or Werkbedrijf's acceptance.
/// </summary>
public sealed class AoOutcomeHistoryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private static AoOutcome Outcome(string decided, int recordedMinutes, AoKlasse klasse = AoKlasse._3580, int? percentage = 50) =>
        new(Guid.NewGuid(), klasse, percentage, DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture), Noon.AddMinutes(recordedMinutes));

    [Fact]
    public void Previous_IsTheLatestEarlierDecision_AndOnASharedDecisionDate_TheOneRecordedLastBefore()
    {
        var oldest = Outcome("2025-01-10", 0);
        var sameDayFirst = Outcome("2026-02-01", 0);
        var sameDaySecond = Outcome("2026-02-01", 10);
        var current = Outcome("2026-02-01", 20);
        var later = Outcome("2026-03-01", 0);
        var all = new[] { later, sameDaySecond, oldest, current, sameDayFirst };

        AoKlassen.Previous(all, current).ShouldBe(sameDaySecond);
        AoKlassen.Previous(all, sameDaySecond).ShouldBe(sameDayFirst);
        AoKlassen.Previous(all, sameDayFirst).ShouldBe(oldest);
        AoKlassen.Previous(all, oldest).ShouldBeNull();
    }

    [Fact]
    public void Previous_IsNeverTheBeoordelingItself_NorOneRecordedAtTheSameMoment()
    {
        var current = Outcome("2026-02-01", 0);
        var twin = current with { BeoordelingId = Guid.NewGuid() };

        AoKlassen.Previous([current, twin], current).ShouldBeNull();
    }

    [Theory]
    [InlineData(AoKlasse.Unspecified, 50)]
    [InlineData(AoKlasse.Below35, 35)]
    [InlineData(AoKlasse._3580, 80)]
    [InlineData(AoKlasse._80100Wga, 101)]
    public void Percentage_OutsideItsKlasse_DoesNotMatch(AoKlasse klasse, int percentage) =>
        AoKlassen.Matches(klasse, percentage).ShouldBeFalse();

    [Fact]
    public void NewNonWgaBeoordeling_KeepsAnOwnerOtherThanWerkbedrijf_AndANewWgaOneAsksAgain()
    {
        var notNeeded = new ReintegratieState(Wga: true, Owner: ReintegratieOwnership.NotNeeded);

        ReintegratieOwnership.AfterBeoordeling(notNeeded, AoKlasse.Iva).Owner.ShouldBe(ReintegratieOwnership.NotNeeded);
        ReintegratieOwnership.AfterBeoordeling(notNeeded, AoKlasse._3580).Owner.ShouldBeNull();
        ReintegratieOwnership.AfterBeoordeling(new ReintegratieState(true, ReintegratieOwnership.Werkbedrijf), AoKlasse._3580).Owner
            .ShouldBe(ReintegratieOwnership.Werkbedrijf);
    }

    [Fact]
    public void WerkbedrijfAccepting_WithoutAnyBeoordeling_OwnsIt_ButMakesNoWgaOutcome()
    {
        var state = ReintegratieOwnership.AfterWerkbedrijfAccepted(null);

        state.ShouldBe(new ReintegratieState(Wga: false, Owner: ReintegratieOwnership.Werkbedrijf));
        ReintegratieOwnership.AfterWerkbedrijfAccepted(new ReintegratieState(true, null)).Wga.ShouldBeTrue();
    }
}
