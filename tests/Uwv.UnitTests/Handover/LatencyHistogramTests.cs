using Uwv.Handover.Kpi;

namespace Uwv.UnitTests.Handover;

/// <summary>The latency buckets: every hourly bound up to three office days, and the percentile's upper end.</summary>
public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(9)]
    [InlineData(26)]
    [InlineData(27)]
    public void HourlyBuckets_ReachThreeOfficeDays(int hours) =>
        LatencyHistogram.UpperBoundHours(LatencyHistogram.BucketOf(TimeSpan.FromHours(hours))).ShouldBe(hours);

    [Fact]
    public void Percentile_BeyondTheLastRank_IsTheHighestBucket() =>
        LatencyHistogram.Percentile(new Dictionary<int, long> { [2] = 1, [5] = 1 }, 1.5).ShouldBe(LatencyHistogram.UpperBoundHours(5));
}
