using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>An ended signaal (ended, or consent withdrawn) leaves the picture with its note, in any arrival order.</summary>
public sealed class SignaalProjectionTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-3333-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly Guid Signaal = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ClientRegistered Registered => new(Client, "123456782", "Anna de Vries", new DateOnly(1975, 3, 14), "6821AB", "arnhem-noord", T0);
    private static SignaalRecorded Recorded => new(Signaal, Client, "arnhem-noord", KwetsbaarheidFactor.Thuissituatie, "Zorgt voor zieke partner", "pb.1", T0.AddMinutes(1));
    private static SignaalEnded Ended => new(Signaal, Client, "arnhem-noord", KwetsbaarheidFactor.Thuissituatie, "pb.1", T0.AddMinutes(1),
        ConsentWithdrawn: true, "consent-withdrawn", "pb.1", T0.AddMinutes(5));

    private static KlantbeeldDocument Replay(IEnumerable<IClientEvent> events) =>
        events.Aggregate((KlantbeeldDocument?)null, KlantbeeldProjection.Apply)!;

    [Fact]
    public void Projection_ActiveSignaal_IsShown()
    {
        HandoverProjection.ActiveSignalen(Replay([Registered, Recorded])).ShouldHaveSingleItem().Note.ShouldBe("Zorgt voor zieke partner");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Projection_EndedSignaal_IsNotShown_AndItsNoteIsGone_InAnyOrder(bool endedFirst)
    {
        IClientEvent[] events = endedFirst ? [Registered, Ended, Recorded, Recorded] : [Registered, Recorded, Ended, Ended];

        var doc = Replay(events);

        HandoverProjection.ActiveSignalen(doc).ShouldBeEmpty();
        System.Text.Json.JsonSerializer.Serialize(doc).ShouldNotContain("zieke partner");
    }
}
