using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

public sealed class RegisterTeamCacheTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly RegisterStamp Stamp = new(0, 42);

    private readonly SteppedClock _clock = new();

    [Fact]
    public void Read_AtTheSameSettledStamp_GetsTheRememberedTeam()
    {
        var cache = new RegisterTeamCache(_clock);
        cache.Remember(Client, Stamp, "arnhem-noord");

        cache.TryGet(Client, Stamp, out var team).ShouldBeTrue();
        team.ShouldBe("arnhem-noord");
    }

    [Fact]
    public void Read_AtANewVersion_AsksTheRegister()
    {
        var cache = new RegisterTeamCache(_clock);
        cache.Remember(Client, Stamp, "arnhem-noord");

        cache.TryGet(Client, Stamp with { Version = 43 }, out _).ShouldBeFalse();
    }

    [Fact]
    public void Read_WhileAChangeIsUnderWay_AsksTheRegister()
    {
        var cache = new RegisterTeamCache(_clock);
        cache.Remember(Client, Stamp, "arnhem-noord");

        cache.TryGet(Client, Stamp with { ChangesUnderWay = 1 }, out _).ShouldBeFalse();
    }

    [Fact]
    public void Team_ReadAtAStampThatIsNotSettled_IsNotRemembered()
    {
        var cache = new RegisterTeamCache(_clock);
        cache.Remember(Client, Stamp with { ChangesUnderWay = 1 }, "arnhem-noord");
        cache.Remember(Client, RegisterStamp.None, "arnhem-noord");

        cache.Count.ShouldBe(0);
        cache.TryGet(Client, Stamp, out _).ShouldBeFalse();
    }

    [Fact]
    public void Team_RememberedLongerThanTheMaximumAge_IsAskedAgain()
    {
        var cache = new RegisterTeamCache(_clock, maxAge: TimeSpan.FromSeconds(30));
        cache.Remember(Client, Stamp, "arnhem-noord");

        _clock.Advance(TimeSpan.FromSeconds(29));
        cache.TryGet(Client, Stamp, out _).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryGet(Client, Stamp, out _).ShouldBeFalse();
    }

    [Fact]
    public void Cache_PastItsCapacity_ForgetsEveryClient()
    {
        var cache = new RegisterTeamCache(_clock, capacity: 2);
        var first = Guid.NewGuid();
        cache.Remember(first, Stamp, "arnhem-noord");
        cache.Remember(Guid.NewGuid(), Stamp, "arnhem-noord");
        cache.Count.ShouldBe(2);

        cache.Remember(Guid.NewGuid(), Stamp, "arnhem-zuid");

        cache.Count.ShouldBe(0);
        cache.TryGet(first, Stamp, out _).ShouldBeFalse();
    }

    [Fact]
    public void Team_RememberedAgainForTheSameClient_ReplacesTheEarlierOne_AndCountsOnce()
    {
        var cache = new RegisterTeamCache(_clock, capacity: 1);
        cache.Remember(Client, Stamp, "arnhem-noord");
        cache.Remember(Client, Stamp with { Version = 43 }, "arnhem-zuid");

        cache.TryGet(Client, Stamp, out _).ShouldBeFalse();
        cache.TryGet(Client, Stamp with { Version = 43 }, out var team).ShouldBeTrue();
        team.ShouldBe("arnhem-zuid");
    }

    [Theory]
    [InlineData(null, 0, null)]
    [InlineData("0:42", 0, 42L)]
    [InlineData("2:42", 2, 42L)]
    [InlineData("garbage", 1, null)]
    [InlineData(":42", 1, null)]
    [InlineData("-1:42", 1, null)]
    public void Stamp_AsKept_IsReadBack_AndAnythingElseCountsAsAChangeUnderWay(string? kept, int changes, long? version) =>
        RegisterStamp.Parse(kept).ShouldBe(new RegisterStamp(changes, version));

    [Fact]
    public void Stamp_Format_IsReadBackAsItself()
    {
        var stamp = new RegisterStamp(3, RegisterStamp.NewVersion());
        RegisterStamp.Parse(stamp.Format()).ShouldBe(stamp);
        stamp.Settled.ShouldBeFalse();
        (stamp with { ChangesUnderWay = 0 }).Settled.ShouldBeTrue();
        RegisterStamp.None.Settled.ShouldBeFalse();
    }
}
