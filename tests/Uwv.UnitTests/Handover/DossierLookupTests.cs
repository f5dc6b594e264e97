using Uwv.Contracts.Events;
using Uwv.Handover.Domain;

namespace Uwv.UnitTests.Handover;

/// <summary>A dossier the handover service has not heard of is asked of its division; NOT_FOUND only when the division does not know it.</summary>
public sealed class DossierLookupTests
{
    private static readonly Guid DossierId = Guid.NewGuid();
    private static readonly Guid ClientId = Guid.NewGuid();
    private static readonly DateTimeOffset OpenedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DivisionDossier Answer(string status = "open", DivisionCode division = DivisionCode.Smz) =>
        new(DossierId, ClientId, division, "arnhem-noord", "verzekeringsarts.arnhem-noord", status, OpenedAt);

    [Fact]
    public void Lookup_WhenTheDivisionDoesNotKnowTheDossier_FindsNothing_SoItIsNotFound()
    {
        DossierLookup.Learn(DossierId, DivisionCode.Smz, null).ShouldBe((null, null));
    }

    [Fact]
    public void Lookup_WhenAnotherDivisionOrDossierAnswers_FindsNothing()
    {
        DossierLookup.Learn(DossierId, DivisionCode.Werkbedrijf, Answer()).Learned.ShouldBeNull();
        DossierLookup.Learn(Guid.NewGuid(), DivisionCode.Smz, Answer()).Learned.ShouldBeNull();
    }

    [Fact]
    public void Lookup_WhenTheDivisionClosedTheDossier_IsRefused_AndLearnsNothing()
    {
        var (learned, refusal) = DossierLookup.Learn(DossierId, DivisionCode.Smz, Answer("closed"));

        learned.ShouldBeNull();
        refusal.ShouldNotBeNull().Rule.ShouldBe(DossierLookup.DossierClosedRule);
    }

    [Fact]
    public void Lookup_LearnedDossier_StartsALineageItsDivisionOwns_AsTheDossierOpenedEventWould()
    {
        var (learned, refusal) = DossierLookup.Learn(DossierId, DivisionCode.Smz, Answer("in-behandeling"));

        refusal.ShouldBeNull();
        learned.ShouldNotBeNull();
        learned.Row.ShouldBe(new OwnershipRow(DossierId, DossierId, ClientId, DivisionCode.Smz, "arnhem-noord", Active: true, OpenedAt));
        learned.Opened.ShouldBe(new DossierOpened(DossierId, ClientId, DivisionCode.Smz, "arnhem-noord", "verzekeringsarts.arnhem-noord", OpenedAt));
    }

    [Fact]
    public void Lookup_TheLaterDossierOpenedEvent_ChangesNothing()
    {
        var learned = DossierLookup.Learn(DossierId, DivisionCode.Smz, Answer()).Learned.ShouldNotBeNull();
        IReadOnlyList<OwnershipRow> rows = [learned.Row];

        var e = learned.Opened;
        var after = OwnershipLedger.Open(rows, e.DossierId, e.ClientId, e.Division, e.OwnerTeam, e.OccurredAt.AddSeconds(1));

        after.ShouldBe(rows);
        OwnershipLedger.EveryLineageHasExactlyOneOwner(after).ShouldBeTrue();
    }
}
