using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>The client's postcode and area team decide which team sees the picture: right for a client who never moved, and after moves in any order.</summary>
public sealed class KlantbeeldAreaTeamTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ClientRegistered Registered = new(Client, "123456782", "Anna de Vries", new DateOnly(1975, 3, 14), "6821AB", "arnhem-noord", T0);
    private static readonly ClientMoved FirstMove = new(Client, "6821AB", "6836CD", "arnhem-noord", "arnhem-zuid", "pb.1", T0.AddDays(10));
    private static readonly ClientMoved SecondMove = new(Client, "6836CD", "6511AA", "arnhem-zuid", "nijmegen", "pb.2", T0.AddDays(20));

    private static KlantbeeldDocument Replay(params IClientEvent[] events) =>
        events.Aggregate((KlantbeeldDocument?)null, KlantbeeldProjection.Apply)!;

    [Fact]
    public void Klantbeeld_OfAClientWhoNeverMoved_HasTheRegisteredPostcodeAndAreaTeam()
    {
        var doc = Replay(Registered);

        (doc.Postcode, doc.AreaTeam, doc.Name, doc.Bsn).ShouldBe(("6821AB", "arnhem-noord", "Anna de Vries", "123456782"));
        doc.DateOfBirth.ShouldBe(new DateOnly(1975, 3, 14));
        doc.RegisteredAt.ShouldBe(T0);
        doc.LastEventAt.ShouldBe(T0);
        doc.Moves.ShouldBeEmpty();
    }

    [Fact]
    public void Klantbeeld_TwoMovesOutOfOrder_EndsAtTheNewestAddress_WithTheMovesInTimeOrder()
    {
        var doc = Replay(Registered, SecondMove, FirstMove);

        (doc.Postcode, doc.AreaTeam).ShouldBe(("6511AA", "nijmegen"));
        doc.Moves.Select(m => m.NewAreaTeam).ShouldBe(["arnhem-zuid", "nijmegen"]);
        doc.LastEventAt.ShouldBe(SecondMove.OccurredAt);
    }

    [Fact]
    public void Klantbeeld_RegistrationArrivingAfterTheMoves_KeepsTheNewestAddress()
    {
        var doc = Replay(FirstMove, SecondMove, Registered);

        (doc.Postcode, doc.AreaTeam, doc.Name).ShouldBe(("6511AA", "nijmegen", "Anna de Vries"));
        doc.LastEventAt.ShouldBe(SecondMove.OccurredAt);
    }

    [Fact]
    public void Klantbeeld_TheSameMoveTwice_IsKeptOnce()
    {
        var once = Replay(Registered, FirstMove);

        KlantbeeldProjection.Apply(once, FirstMove).ShouldBeSameAs(once);
    }

    [Fact]
    public void Klantbeeld_AnEventThatChangesNothing_LeavesThePictureAsItWas()
    {
        var doc = Replay(Registered);

        KlantbeeldProjection.Apply(doc, new UnknownEvent(Client, T0.AddDays(1))).ShouldBeSameAs(doc);
    }

    [Fact]
    public void Klantbeeld_FirstEventOfAnUnknownKind_StillStartsThePictureAtItsTime()
    {
        var doc = KlantbeeldProjection.Apply(null, new UnknownEvent(Client, T0));

        doc.ClientId.ShouldBe(Client);
        doc.LastEventAt.ShouldBe(T0);
        doc.RegisteredAt.ShouldBeNull();
    }

    /// <summary>An event the projection does not know (as a newer contract version could publish).</summary>
    private sealed record UnknownEvent(Guid ClientId, DateTimeOffset OccurredAt) : IClientEvent;
}
