namespace Uwv.Benchmarks.Load;

/// <summary>Latency percentiles in milliseconds over all samples of a run.</summary>
public sealed record Percentiles(int Count, double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.90), At(0.99), sorted[^1]);
    }

    public override string ToString() => $"p50 {P50:0.000} ms, p90 {P90:0.000} ms, p99 {P99:0.000} ms, max {Max:0.0} ms (n={Count})";
}
