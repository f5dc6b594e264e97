using System.Globalization;
using Uwv.Benchmarks.Kpi;

// Usage: Uwv.Benchmarks.Kpi [scales...] [--runs N] [--report path] [--reuse]
// --reuse times the queries again on databases an earlier run generated and loaded (artifacts/bench/kpi-*.json).
// Database: PostgreSQL when UWV_POSTGRES is set (a database per scale), otherwise SQLite files under artifacts/bench.
var scales = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToList();
if (scales.Count == 0)
{
    scales = [1_000_000];
}
var runs = Option("--runs", 50);
var report = OptionText("--report") ?? Path.Combine(Repo.Root, "docs", "benchmarks", "kpi.md");

var results = new List<ScaleResult>();
foreach (var scale in scales)
{
    results.Add(await KpiBenchmark.RunAsync(scale, runs, Environment.GetEnvironmentVariable("UWV_POSTGRES"), args.Contains("--reuse")));
}
await File.WriteAllTextAsync(report, Report.Markdown(results, runs));
Console.WriteLine($"Report written to {Path.GetRelativePath(Repo.Root, report)}");

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string? OptionText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
