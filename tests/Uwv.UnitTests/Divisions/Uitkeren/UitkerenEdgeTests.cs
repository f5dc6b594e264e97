using Uwv.Contracts.Uitkeren.V1;
using Uwv.Uitkeren.Domain;

namespace Uwv.UnitTests.Divisions.Uitkeren;

/// <summary>The boundaries of samenloop, the voorschot's settlement and its calls.</summary>
public sealed class UitkerenEdgeTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static UitkeringPeriod P(UitkeringType type, string start, string? end = null) =>
        new(Guid.NewGuid(), type, D(start), end is null ? null : D(end), 100_000);

    [Fact]
    public void Samenloop_ExistingStartingOnTheNewPeriodsLastDay_Overlaps() =>
        Samenloop.Grant([P(UitkeringType.WiaWga, "2026-06-30")], UitkeringType.WiaIva, D("2026-01-01"), D("2026-06-30"))!
            .Rule.ShouldBe("one-uitkering-per-wet");

    [Fact]
    public void Samenloop_ExistingStartingAfterTheNewPeriodEnds_DoesNotOverlap() =>
        Samenloop.Grant([P(UitkeringType.WiaWga, "2026-07-01")], UitkeringType.WiaIva, D("2026-01-01"), D("2026-06-30")).ShouldBeNull();

    [Theory]
    [InlineData(UitkeringType.WiaWga, true)]
    [InlineData(UitkeringType.WiaIva, true)]
    [InlineData(UitkeringType.Ww, false)]
    [InlineData(UitkeringType.Ziektewet, false)]
    public void IsWia_ForWgaAndIvaOnly(UitkeringType type, bool wia) => Samenloop.IsWia(type).ShouldBe(wia);

    [Fact]
    public void Current_UitkeringenStartingTheSameDay_AreOrderedByType()
    {
        var current = Samenloop.Current([P(UitkeringType.WiaWga, "2026-01-01"), P(UitkeringType.Ww, "2026-01-01")], D("2026-02-01"));

        current.Select(u => u.Type).ShouldBe([UitkeringType.Ww, UitkeringType.WiaWga]);
    }

    [Fact]
    public void SettleVoorschot_UitkeringStartingBeforeTheVoorschot_IsDueFromTheVoorschotsStart()
    {
        // Voorschot from March, WIA granted from January: both count the months from March (the later start).
        var result = VerrekeningRules.SettleVoorschot(D("2026-03-01"), 100_000, D("2026-01-01"), 120_000, D("2026-06-01"));

        result.Months.ShouldBe(3);
        result.UitkeringDueCents.ShouldBe(360_000);
        result.NabetalingCents.ShouldBe(60_000);
    }

    [Theory]
    [InlineData(VoorschotStatus.Aangeboden)]
    [InlineData(VoorschotStatus.Verstrekt)]
    public void VoorschotCall_OnAnOfferedOrRunningVoorschot_IsAllowed(VoorschotStatus status) =>
        VoorschotRules.Call(status).ShouldBeNull();
}
