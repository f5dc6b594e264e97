namespace Uwv.Handover.Kpi;

/// <summary>
/// Fixed latency buckets in office minutes, so percentiles can be summed from counters: 15-minute buckets up to
/// 2 hours, 30-minute buckets up to 8 hours, hourly up to 27 hours (3 office days), then whole office days (9 hours)
/// up to 60 office days, then one overflow bucket.
/// A percentile is reported as the upper bound of the bucket that holds it (nearest rank).
/// </summary>
public static class LatencyHistogram
{
    private static readonly int[] Bounds = BuildBounds();

    public static int BucketCount => Bounds.Length + 1;

    public static int BucketOf(TimeSpan latency)
    {
        var minutes = Math.Max(0, latency.TotalMinutes);
        var index = Array.BinarySearch(Bounds, (int)Math.Ceiling(minutes));
        return index >= 0 ? index : ~index;
    }

    /// <summary>The upper bound of a bucket in hours (the overflow bucket reports its lower bound).</summary>
    public static double UpperBoundHours(int bucket) => Bounds[Math.Min(bucket, Bounds.Length - 1)] / 60.0;

    /// <summary>Nearest-rank percentile (<paramref name="p"/> in (0,1]) over bucket counts; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyDictionary<int, long> counts, double p)
    {
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return 0;
        }
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return UpperBoundHours(bucket);
            }
        }
        return UpperBoundHours(counts.Keys.Max());
    }

    private static int[] BuildBounds()
    {
        var bounds = new List<int>();
        for (var m = 15; m <= 120; m += 15)
        {
            bounds.Add(m);
        }
        for (var m = 150; m <= 480; m += 30)
        {
            bounds.Add(m);
        }
        for (var m = 540; m <= 1620; m += 60)
        {
            bounds.Add(m);
        }
        for (var m = 2160; m <= 32400; m += 540)
        {
            bounds.Add(m);
        }
        return [.. bounds];
    }
}
