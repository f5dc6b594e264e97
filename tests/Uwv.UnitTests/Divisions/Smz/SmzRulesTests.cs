using Uwv.Contracts.Smz.V1;
using Uwv.Smz.Domain;

namespace Uwv.UnitTests.Divisions.Smz;

public sealed class SmzRulesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AoKlasse.Below35, 0, true)]
    [InlineData(AoKlasse.Below35, 34, true)]
    [InlineData(AoKlasse.Below35, 35, false)]
    [InlineData(AoKlasse._3580, 35, true)]
    [InlineData(AoKlasse._3580, 79, true)]
    [InlineData(AoKlasse._3580, 80, false)]
    [InlineData(AoKlasse._80100Wga, 80, true)]
    [InlineData(AoKlasse._80100Wga, 100, true)]
    [InlineData(AoKlasse.Iva, 100, true)]
    [InlineData(AoKlasse.Iva, 60, false)]
    public void AoPercentage_FallsInTheAoKlasse(AoKlasse klasse, int percentage, bool matches) =>
        AoKlassen.Matches(klasse, percentage).ShouldBe(matches);

    [Fact]
    public void AoChanged_AnotherKlasse_IsAChange()
    {
        var before = new AoOutcome(Guid.NewGuid(), AoKlasse._80100Wga, null, D("2019-05-01"), Noon);
        var after = new AoOutcome(Guid.NewGuid(), AoKlasse.Iva, null, D("2026-03-01"), Noon);
        AoKlassen.Changed(before, after).ShouldBeTrue();
    }

    [Fact]
    public void AoChanged_AnotherPercentageInTheSameKlasse_IsAChange()
    {
        var before = new AoOutcome(Guid.NewGuid(), AoKlasse._3580, 45, D("2019-05-01"), Noon);
        var after = new AoOutcome(Guid.NewGuid(), AoKlasse._3580, 60, D("2026-03-01"), Noon);
        AoKlassen.Changed(before, after).ShouldBeTrue();
    }

    [Fact]
    public void AoChanged_SameKlasseWithoutPercentages_IsNoChange()
    {
        var before = new AoOutcome(Guid.NewGuid(), AoKlasse._80100Wga, null, D("2019-05-01"), Noon);
        var after = new AoOutcome(Guid.NewGuid(), AoKlasse._80100Wga, 90, D("2026-03-01"), Noon);
        AoKlassen.Changed(before, after).ShouldBeFalse();
    }

    [Fact]
    public void AoChanged_ComparesWithTheBeoordelingJustBefore()
    {
        var oldest = new AoOutcome(Guid.NewGuid(), AoKlasse.Below35, null, D("2015-01-01"), Noon);
        var before = new AoOutcome(Guid.NewGuid(), AoKlasse._80100Wga, null, D("2019-05-01"), Noon);
        var current = new AoOutcome(Guid.NewGuid(), AoKlasse._80100Wga, null, D("2026-03-01"), Noon);
        var later = new AoOutcome(Guid.NewGuid(), AoKlasse.Iva, null, D("2026-06-01"), Noon);
        AoKlassen.Previous([later, current, oldest, before], current).ShouldBe(before);
        AoKlassen.Previous([current], current).ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-04-30", "2026-05-05")] // Thursday; due on Bevrijdingsdag (Tue 5 May): calendar days, not working days
    [InlineData("2026-05-13", "2026-05-18")] // over Hemelvaartsdag (Thu 14 May) and the gelijkgestelde Friday, counted
    [InlineData("2026-03-06", "2026-03-11")] // received on a Friday: due on Wednesday, the weekend counted
    public void HerkeuringCall_IsDueWithinFiveCalendarDays(string received, string due) =>
        HerkeuringSla.CallDue(D(received)).ShouldBe(D(due));

    [Theory]
    [InlineData("2026-05-08", null, "2026-05-08", false)] // the due day itself: not late yet
    [InlineData("2026-05-08", null, "2026-05-11", true)] // not called and past due
    [InlineData("2026-05-08", "2026-05-08", "2026-06-01", false)] // called on the due day
    [InlineData("2026-05-08", "2026-05-11", "2026-06-01", true)] // called after the due day
    public void HerkeuringCall_LateWhenNotCalledByTheDueDay(string due, string? called, string today, bool late) =>
        HerkeuringSla.IsLate(D(due), called is null ? null : D(called), D(today)).ShouldBe(late);

    [Theory]
    [InlineData("2025-03-10", null, "2026-03-10")] // a year after the beoordeling
    [InlineData("2025-03-10", "2025-11-20", "2026-11-20")] // a year after the last contact
    [InlineData("2024-02-29", null, "2025-02-28")] // leap day
    public void Wga80100_ContactAtLeastOnceAYear(string since, string? lastContact, string due) =>
        Wga80100Monitoring.NextContactDue(D(since), lastContact is null ? null : D(lastContact)).ShouldBe(D(due));

    [Fact]
    public void Wga80100_OnlyThatKlasseIsMonitored()
    {
        Wga80100Monitoring.Applies(AoKlasse._80100Wga).ShouldBeTrue();
        Wga80100Monitoring.Applies(AoKlasse.Iva).ShouldBeFalse();
        Wga80100Monitoring.Applies(AoKlasse._3580).ShouldBeFalse();
        Wga80100Monitoring.IsOverdue(D("2026-03-10"), D("2026-03-10")).ShouldBeFalse();
        Wga80100Monitoring.IsOverdue(D("2026-03-10"), D("2026-03-11")).ShouldBeTrue();
    }

    [Fact]
    public void VerzoekOpen_PickingUpTwice_IsRefused() =>
        VerzoekRules.PickUp(VerzoekState.PickedUp)!.Rule.ShouldBe("verzoek-open");

    [Fact]
    public void VerzoekPickedUp_AnsweringBeforePickUp_IsRefused() =>
        VerzoekRules.Answer(VerzoekState.Open, BeoordelingType.Herbeoordeling, Noon, Noon, true)!.Rule.ShouldBe("verzoek-picked-up");

    [Fact]
    public void AnswerWithHerbeoordeling_AClaimbeoordeling_IsRefused() =>
        VerzoekRules.Answer(VerzoekState.PickedUp, BeoordelingType.WiaClaimbeoordeling, Noon, Noon, true)!.Rule.ShouldBe("answer-with-herbeoordeling");

    [Fact]
    public void HerbeoordelingAfterVerzoek_AnOlderHerbeoordeling_IsRefused() =>
        VerzoekRules.Answer(VerzoekState.PickedUp, BeoordelingType.Herbeoordeling, Noon.AddDays(-1), Noon, true)!.Rule.ShouldBe("herbeoordeling-after-verzoek");

    [Fact]
    public void EarlierBeoordelingKnown_NothingToCompareWith_IsRefused() =>
        VerzoekRules.Answer(VerzoekState.PickedUp, BeoordelingType.Herbeoordeling, Noon, Noon, false)!.Rule.ShouldBe("earlier-beoordeling-known");

    [Fact]
    public void Verzoek_AnsweredWithALaterHerbeoordeling_IsAllowed() =>
        VerzoekRules.Answer(VerzoekState.PickedUp, BeoordelingType.Herbeoordeling, Noon.AddHours(1), Noon, true).ShouldBeNull();
}
