using Uwv.Contracts.Uitkeren.V1;
using Uwv.Uitkeren.Domain;

namespace Uwv.UnitTests.Divisions.Uitkeren;

public sealed class SamenloopTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static UitkeringPeriod P(UitkeringType type, string start, string? end = null, long cents = 100_000) =>
        new(Guid.NewGuid(), type, D(start), end is null ? null : D(end), cents);

    [Fact]
    public void Samenloop_WwAndWga_RunTogether() =>
        Samenloop.Grant([P(UitkeringType.Ww, "2026-01-01")], UitkeringType.WiaWga, D("2026-03-01"), null).ShouldBeNull();

    [Fact]
    public void OneUitkeringPerWet_WgaAndIvaOverlapping_IsRefused() =>
        Samenloop.Grant([P(UitkeringType.WiaWga, "2026-01-01")], UitkeringType.WiaIva, D("2026-06-01"), null)!.Rule.ShouldBe("one-uitkering-per-wet");

    [Fact]
    public void OneUitkeringPerWet_TwoWwOverlapping_IsRefused() =>
        Samenloop.Grant([P(UitkeringType.Ww, "2026-01-01", "2026-06-30")], UitkeringType.Ww, D("2026-06-30"), null)!.Rule.ShouldBe("one-uitkering-per-wet");

    [Fact]
    public void OneUitkeringPerWet_SameWetAfterTheEnd_IsAllowed() =>
        Samenloop.Grant([P(UitkeringType.WiaWga, "2025-01-01", "2026-05-31")], UitkeringType.WiaIva, D("2026-06-01"), null).ShouldBeNull();

    [Fact]
    public void Samenloop_Current_ShowsEveryUitkeringRunningOnTheDay()
    {
        var ww = P(UitkeringType.Ww, "2026-01-01", "2026-12-31");
        var wga = P(UitkeringType.WiaWga, "2026-03-01");
        var ended = P(UitkeringType.Ziektewet, "2025-01-01", "2025-12-31");
        var later = P(UitkeringType.Wajong, "2027-01-01");
        Samenloop.Current([later, wga, ended, ww], D("2026-06-15")).ShouldBe([ww, wga]);
        Samenloop.Current([later, wga, ended, ww], D("2026-12-31")).ShouldBe([ww, wga]); // the end day still counts
        Samenloop.Current([later, wga, ended, ww], D("2027-01-01")).ShouldBe([wga, later]);
    }
}
