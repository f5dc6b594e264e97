using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>The klantreis in plain Dutch: an open handover first, then the last beoordeling, then the running dossiers.</summary>
public sealed class KlantreisStatusTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly KlantbeeldDocument Registered = KlantbeeldDocument.Empty(Client) with { Name = "Anna", RegisteredAt = T0, AreaTeam = "arnhem-noord" };

    private static HandoverView Handover(string state, DivisionCode from = DivisionCode.Smz, DivisionCode to = DivisionCode.Werkbedrijf) =>
        new(Guid.NewGuid(), Guid.NewGuid(), from, to, state, T0, T0);

    private static BeoordelingView Beoordeling(DateOnly decided) => new(Guid.NewGuid(), "WIA-claimbeoordeling", "35-80%", "", decided, T0);

    private static DossierView Dossier(DivisionCode division) => new(Guid.NewGuid(), division, "arnhem-noord", "", "open", T0);

    [Fact]
    public void KlantreisStatus_NotRegisteredYet() =>
        KlantreisStatus.Describe(KlantbeeldDocument.Empty(Client)).ShouldBe("Nog niet ingeschreven.");

    [Fact]
    public void KlantreisStatus_RegisteredWithoutDossier() =>
        KlantreisStatus.Describe(Registered).ShouldBe("Ingeschreven; er loopt nog geen dossier.");

    [Fact]
    public void KlantreisStatus_WithDossiers_NamesEachDivisionOnce()
    {
        var doc = Registered with { Dossiers = [Dossier(DivisionCode.Smz), Dossier(DivisionCode.Smz), Dossier(DivisionCode.Werkbedrijf)] };

        KlantreisStatus.Describe(doc).ShouldBe("Er loopt een dossier bij SMZ en Werkbedrijf.");
    }

    [Fact]
    public void KlantreisStatus_AfterABeoordeling_GivesTheDateOfTheLastOne()
    {
        var doc = Registered with
        {
            Dossiers = [Dossier(DivisionCode.Smz)],
            Beoordelingen = [Beoordeling(new DateOnly(2026, 3, 5)), Beoordeling(new DateOnly(2026, 11, 1))],
        };

        KlantreisStatus.Describe(doc).ShouldBe("De beoordeling is afgerond op 1-11-2026.");
    }

    [Theory]
    [InlineData("requested")]
    [InlineData("nazorg-pending")]
    [InlineData("ready")]
    [InlineData("transferred")]
    [InlineData("escalated")]
    [InlineData("returned")]
    public void KlantreisStatus_WithAnOpenHandover_SaysTheDossierIsMoving(string state)
    {
        var doc = Registered with { Beoordelingen = [Beoordeling(new DateOnly(2026, 11, 1))], Handovers = [Handover(state, DivisionCode.Uitkeren, DivisionCode.BezwaarBeroep)] };

        KlantreisStatus.Describe(doc).ShouldBe("Het dossier gaat over van Uitkeren naar Bezwaar en Beroep; de cliënt wordt gebeld voordat het overgaat.");
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("cancelled")]
    public void KlantreisStatus_AClosedHandover_IsNoLongerNews(string state)
    {
        var doc = Registered with { Dossiers = [Dossier(DivisionCode.Werkbedrijf)], Handovers = [Handover(state)] };

        KlantreisStatus.Describe(doc).ShouldBe("Er loopt een dossier bij Werkbedrijf.");
    }

    [Fact]
    public void KlantreisStatus_OfSeveralOpenHandovers_TellsTheLatest()
    {
        var doc = Registered with { Handovers = [Handover("transferred", DivisionCode.Smz, DivisionCode.Werkbedrijf), Handover("requested", DivisionCode.Werkbedrijf, DivisionCode.Uitkeren)] };

        KlantreisStatus.Describe(doc).ShouldStartWith("Het dossier gaat over van Werkbedrijf naar Uitkeren;");
    }

    [Theory]
    [InlineData(DivisionCode.Smz, "SMZ")]
    [InlineData(DivisionCode.Werkbedrijf, "Werkbedrijf")]
    [InlineData(DivisionCode.Uitkeren, "Uitkeren")]
    [InlineData(DivisionCode.BezwaarBeroep, "Bezwaar en Beroep")]
    [InlineData((DivisionCode)0, "onbekend")]
    public void DivisionName_IsTheDutchNameEmployeesUse(DivisionCode division, string name) =>
        KlantreisStatus.Name(division).ShouldBe(name);
}
