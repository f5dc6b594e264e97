using Uwv.ServiceDefaults.Bus;

namespace Uwv.UnitTests.Bus;

public sealed class EndpointWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(60);

    private static (string, bool)[] Healthy(string endpoint) => [(endpoint, true)];
    private static (string, bool)[] Down(string endpoint) => [(endpoint, false)];

    [Fact]
    public void Endpoint_DownLongerThanRestartAfter_AfterBeingReady_IsRestarted()
    {
        var watch = new EndpointWatch(RestartAfter);
        watch.Observe(Healthy("transfers"), Start).ShouldBeEmpty();
        watch.Observe(Down("transfers"), Start.AddSeconds(5)).ShouldBeEmpty();
        watch.Observe(Down("transfers"), Start.AddSeconds(64)).ShouldBeEmpty("59 s down: MassTransit's own reconnect may still bring it back");

        watch.Observe(Down("transfers"), Start.AddSeconds(65)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void Endpoint_ThatRecoversWithinRestartAfter_IsNotRestarted_AndItsClockStartsAgain()
    {
        var watch = new EndpointWatch(RestartAfter);
        watch.Observe(Healthy("transfers"), Start);
        watch.Observe(Down("transfers"), Start.AddSeconds(5));
        watch.Observe(Healthy("transfers"), Start.AddSeconds(40)).ShouldBeEmpty();
        watch.Observe(Down("transfers"), Start.AddSeconds(45)).ShouldBeEmpty();

        watch.Observe(Down("transfers"), Start.AddSeconds(90)).ShouldBeEmpty("down again only since 45 s");
        watch.Observe(Down("transfers"), Start.AddSeconds(105)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void Endpoint_NeverReady_IsLeftToTheBus_WhichIsStillStartingIt()
    {
        var watch = new EndpointWatch(RestartAfter);
        watch.Observe(Down("transfers"), Start).ShouldBeEmpty();

        watch.Observe(Down("transfers"), Start.AddMinutes(10)).ShouldBeEmpty();
    }

    [Fact]
    public void Endpoint_StillDownAfterARestart_GetsAWholeRestartAfterBeforeTheNext()
    {
        var watch = new EndpointWatch(RestartAfter);
        watch.Observe(Healthy("transfers"), Start);
        watch.Observe(Down("transfers"), Start.AddSeconds(1));
        watch.Observe(Down("transfers"), Start.AddSeconds(61)).ShouldBe(["transfers"]);

        watch.Observe(Down("transfers"), Start.AddSeconds(100)).ShouldBeEmpty();
        watch.Observe(Down("transfers"), Start.AddSeconds(121)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void Endpoints_AreWatchedEachOnTheirOwn()
    {
        var watch = new EndpointWatch(RestartAfter);
        watch.Observe([("transfers", true), ("replay", true)], Start);
        watch.Observe([("transfers", false), ("replay", true)], Start.AddSeconds(1));

        watch.Observe([("transfers", false), ("replay", false)], Start.AddSeconds(61)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void RestartAfter_NotPositive_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new EndpointWatch(TimeSpan.Zero));
}
