using Uwv.BezwaarBeroep.Domain;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Divisions.BezwaarBeroep;

public sealed class DwangsomTests
{
    private static readonly DwangsomOptions Law = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // ingebrekestelling received, decided on (empty: undecided), as of => first day, days, accrued cents, still possible cents
    public static TheoryData<string, string, string, string, int, long, long> Examples => new()
    {
        // Received Mon 2026-03-02: two weeks pass on 2026-03-16; the dwangsom runs from Tue 2026-03-17.
        { "2026-03-02", "", "2026-03-16", "2026-03-17", 0, 0, 144_200 },
        // Day 1: 1 x €23.
        { "2026-03-02", "", "2026-03-17", "2026-03-17", 1, 2_300, 141_900 },
        // Day 14 (17..30 March): 14 x €23 = €322.
        { "2026-03-02", "", "2026-03-30", "2026-03-17", 14, 32_200, 112_000 },
        // Day 15: €322 + 1 x €35 = €357.
        { "2026-03-02", "", "2026-03-31", "2026-03-17", 15, 35_700, 108_500 },
        // Day 28 (15 days in March + 13 in April): €322 + 14 x €35 = €812.
        { "2026-03-02", "", "2026-04-13", "2026-03-17", 28, 81_200, 63_000 },
        // Day 29: €812 + 1 x €45 = €857.
        { "2026-03-02", "", "2026-04-14", "2026-03-17", 29, 85_700, 58_500 },
        // Day 42 (15 + 27): €322 + €490 + 14 x €45 = €1,442, the maximum.
        { "2026-03-02", "", "2026-04-27", "2026-03-17", 42, 144_200, 0 },
        // Long after: still capped at 42 days, €1,442.
        { "2026-03-02", "", "2026-06-01", "2026-03-17", 42, 144_200, 0 },
        // Decided Fri 2026-04-10: in default 17 March to 9 April = 15 + 9 = 24 days: €322 + 10 x €35 = €672; nothing more possible.
        { "2026-03-02", "2026-04-10", "2026-06-01", "2026-03-17", 24, 67_200, 0 },
        // Decided before the dwangsom ran: nothing.
        { "2026-03-02", "2026-03-16", "2026-06-01", "2026-03-17", 0, 0, 0 },
        // Over the year end: received Fri 2026-12-18; the two weeks end on Fri 2027-01-01, Nieuwjaarsdag, so on Mon
        // 2027-01-04 (Algemene termijnenwet art. 1); the dwangsom runs from Tue 2027-01-05. As of 2027-02-10: 27 + 10 = 37
        // days: €322 + €490 + 9 x €45 = €1,217.
        { "2026-12-18", "", "2027-02-10", "2027-01-05", 37, 121_700, 22_500 },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Dwangsom_WorkedExamples(string received, string decided, string asOf, string from, int days, long accrued, long stillPossible)
    {
        var amount = Dwangsom.On(D(received), decided == "" ? null : D(decided), kennelijk: false, D(asOf), Law, TestCalendar.WorkingDays);
        amount.From.ShouldBe(D(from));
        amount.Days.ShouldBe(days);
        amount.AccruedCents.ShouldBe(accrued);
        amount.StillPossibleCents.ShouldBe(stillPossible);
        amount.MaximumCents.ShouldBe(144_200);
    }

    [Fact]
    public void Dwangsom_WithoutIngebrekestelling_IsNothing()
    {
        var amount = Dwangsom.On(null, null, kennelijk: false, D("2026-06-01"), Law, TestCalendar.WorkingDays);
        amount.From.ShouldBeNull();
        amount.Days.ShouldBe(0);
        amount.AccruedCents.ShouldBe(0);
        amount.StillPossibleCents.ShouldBe(0);
    }

    [Fact]
    public void Dwangsom_Maximum_Is1442Euros() => Dwangsom.MaximumCents(Law).ShouldBe(144_200); // 14 x 23 + 14 x 35 + 14 x 45

    [Fact]
    public void Dwangsom_AmountsAndCap_AreConfigurable()
    {
        var options = new DwangsomOptions { WaitDays = 7, DaysPerTier = 5, FirstTierPerDay = 10m, SecondTierPerDay = 20m, ThirdTierPerDay = 30m, MaxDays = 12 };
        Dwangsom.FirstDay(D("2026-03-02"), options, TestCalendar.WorkingDays).ShouldBe(D("2026-03-10"));
        Dwangsom.AmountCents(12, options).ShouldBe(5 * 1_000 + 5 * 2_000 + 2 * 3_000);
        Dwangsom.AmountCents(20, options).ShouldBe(Dwangsom.MaximumCents(options));
    }

    [Fact]
    public void Dwangsom_KennelijkNietOntvankelijkOrOngegrond_IsNothing()
    {
        // In default from 2026-03-17, decided 2026-04-10: 24 days would be €672, but none is owed (Awb 4:17 lid 6).
        var amount = Dwangsom.On(D("2026-03-02"), D("2026-04-10"), kennelijk: true, D("2026-06-01"), Law, TestCalendar.WorkingDays);
        amount.Days.ShouldBe(0);
        amount.AccruedCents.ShouldBe(0);
        amount.StillPossibleCents.ShouldBe(0);
    }

    [Fact]
    public void Dwangsom_DecidedNotKennelijk_KeepsWhatAccrued() =>
        Dwangsom.On(D("2026-03-02"), D("2026-04-10"), kennelijk: false, D("2026-06-01"), Law, TestCalendar.WorkingDays).AccruedCents.ShouldBe(67_200);

    [Fact]
    public void Dwangsom_TwoWeeksEndingOnAGelijkgesteldeDag_RunsFromTheDayAfterTheNextWorkingDay()
    {
        // Received Fri 2026-05-01: two weeks end on Fri 15 May, a gelijkgestelde dag, so on Mon 18 May; it runs from Tue 19 May.
        Dwangsom.FirstDay(D("2026-05-01"), Law, TestCalendar.WorkingDays).ShouldBe(D("2026-05-19"));
        Dwangsom.FirstDay(D("2026-05-01"), Law, TestCalendar.HolidaysOnly).ShouldBe(D("2026-05-16"));
    }
}
