using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>
/// "Aan mij toewijzen": an employee takes an open dossier of their division; in the picture the dossier is theirs from
/// then on, in any arrival order, and a later move of the dossier to another team is not undone by an older assignment.
/// </summary>
public sealed class DossierAssignmentTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-3333-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly Guid Dossier = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ClientRegistered Registered => new(Client, "123456782", "Anna de Vries", new DateOnly(1975, 3, 14), "6821AB", "arnhem-noord", T0);
    private static DossierOpened Opened => new(Dossier, Client, DivisionCode.Werkbedrijf, "arnhem-noord", "", T0.AddMinutes(1));
    private static DossierAssigned Assigned => new(Dossier, Client, DivisionCode.Werkbedrijf, "arnhem-noord", "adviseur-werk.arnhem-noord", 2, T0.AddMinutes(3));
    private static DossierRerouted Moved => new(Dossier, Client, DivisionCode.Werkbedrijf, "arnhem-noord", "arnhem-zuid", T0.AddMinutes(5));

    private static DossierView Dossier_(IEnumerable<IClientEvent> events) =>
        events.Aggregate((KlantbeeldDocument?)null, KlantbeeldProjection.Apply)!.Dossiers.Single();

    [Fact]
    public void Assignment_MakesTheEmployeeTheOwner() =>
        Dossier_([Registered, Opened, Assigned]).OwnerEmployee.ShouldBe("adviseur-werk.arnhem-noord");

    [Fact]
    public void Assignment_ArrivingBeforeTheOpening_IsKept_WithItsTeam()
    {
        var dossier = Dossier_([Registered, Assigned, Opened]);

        dossier.OwnerEmployee.ShouldBe("adviseur-werk.arnhem-noord");
        dossier.OwnerTeam.ShouldBe("arnhem-noord");
    }

    [Fact]
    public void OlderAssignment_ArrivingAfterAMoveToAnotherTeam_DoesNotUndoTheMove()
    {
        var dossier = Dossier_([Registered, Opened, Moved, Assigned]);

        dossier.OwnerTeam.ShouldBe("arnhem-zuid");
        dossier.OwnerEmployee.ShouldBe("");
    }

    [Fact]
    public void Assignment_KeepsTheDossiersStatusAndOpening()
    {
        var inBehandeling = new DossierStatusChanged(Dossier, Client, DivisionCode.Werkbedrijf, "open", "in-behandeling", "gestart", "aw", 2, T0.AddMinutes(2));

        var dossier = Dossier_([Registered, Opened, inBehandeling, Assigned]);

        dossier.Status.ShouldBe("in-behandeling");
        dossier.OpenedAt.ShouldBe(T0.AddMinutes(1));
    }

    [Fact]
    public void RepeatedAssignment_LeavesThePictureAsItIs()
    {
        var doc = new IClientEvent[] { Registered, Opened, Assigned }.Aggregate((KlantbeeldDocument?)null, KlantbeeldProjection.Apply)!;

        DivisionProjection.Apply(doc, Assigned).ShouldBeSameAs(doc);
    }

    [Fact]
    public void Assign_AnOpenDossierOfSomeoneElse_IsAllowed() =>
        DossierStatuses.Assign(DossierStatuses.InBehandeling, "collega", "ik").ShouldBeNull();

    [Fact]
    public void Assign_AClosedDossier_IsRefused() =>
        DossierStatuses.Assign(DossierStatuses.Closed, "", "ik")!.Rule.ShouldBe("dossier-closed");

    [Fact]
    public void Assign_ADossierAlreadyYours_IsRefused() =>
        DossierStatuses.Assign(DossierStatuses.Open, "ik", "ik")!.Rule.ShouldBe("already-assigned");
}
