using Uwv.ServiceDefaults.Bus;

namespace Uwv.UnitTests.Bus;

public sealed class OrphanWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(15);

    private static (string, bool, long?)[] Seen(bool healthy, long? consumers) => [("transfers", healthy, consumers)];

    [Fact]
    public void Endpoint_HealthyWithoutAConsumerAtTheBroker_ForRestartAfter_IsOrphaned()
    {
        var watch = new OrphanWatch(RestartAfter);
        watch.Observe(Seen(healthy: true, consumers: 0), Start).ShouldBeEmpty();
        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(14)).ShouldBeEmpty("14 s is shorter than RestartAfter");

        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(15)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void Endpoint_WithAConsumerAtTheBroker_IsNeverOrphaned()
    {
        var watch = new OrphanWatch(RestartAfter);
        for (var second = 0; second <= 60; second += 5)
        {
            watch.Observe(Seen(healthy: true, consumers: 1), Start.AddSeconds(second)).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Endpoint_UnhealthyWithoutAConsumer_IsReconnecting_AndLeftToTheBus()
    {
        var watch = new OrphanWatch(RestartAfter);
        for (var second = 0; second <= 60; second += 5)
        {
            watch.Observe(Seen(healthy: false, consumers: 0), Start.AddSeconds(second)).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(false, 0L)]
    [InlineData(true, 1L)]
    [InlineData(true, null)]
    public void Orphaned_WaitStartsOver_WhenTheEvidenceIsInterrupted(bool healthy, long? consumers)
    {
        var watch = new OrphanWatch(RestartAfter);
        watch.Observe(Seen(healthy: true, consumers: 0), Start);
        watch.Observe(Seen(healthy, consumers), Start.AddSeconds(10)).ShouldBeEmpty();
        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(15)).ShouldBeEmpty("orphaned again only since 15 s");
        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(29)).ShouldBeEmpty();

        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(30)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void AfterARestartOfTheBus_EveryEndpointGetsAWholeRestartAfterAgain()
    {
        var watch = new OrphanWatch(RestartAfter);
        watch.Observe(Seen(healthy: true, consumers: 0), Start);
        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(15)).ShouldBe(["transfers"]);
        watch.Restarted();

        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(20)).ShouldBeEmpty();
        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(34)).ShouldBeEmpty();
        watch.Observe(Seen(healthy: true, consumers: 0), Start.AddSeconds(35)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void OnlyTheOrphanedEndpoint_IsNamed()
    {
        var watch = new OrphanWatch(RestartAfter);
        (string, bool, long?)[] snapshot = [("transfers", true, 0), ("decisions", true, 2), ("bus", true, null)];
        watch.Observe(snapshot, Start);

        watch.Observe(snapshot, Start.AddSeconds(15)).ShouldBe(["transfers"]);
    }

    [Fact]
    public void RestartAfter_MustBePositive() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new OrphanWatch(TimeSpan.Zero));
}
