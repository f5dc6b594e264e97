using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Grpc;
using Uwv.Handover.Kpi;
using Uwv.Handover.Simulation;

namespace Uwv.Benchmarks.Kpi;

public sealed record QueryTiming(string Name, double P50, double P99, double Max);

public sealed record ScaleResult(
    long TargetHandovers, long Handovers, long Events, TimeSpan Generation, TimeSpan Load, long CounterRows, string Database, IReadOnlyList<QueryTiming> Queries);

/// <summary>One scale: generate and aggregate the history, load the aggregates, time the dashboard queries.</summary>
public static class KpiBenchmark
{
    public const int Seed = 20240101;
    public static readonly DateOnly Start = new(2023, 1, 2);
    /// <summary>The platform's calendar of config/platform.json (holidays, gelijkgestelde dagen, office hours).</summary>
    public static readonly Uwv.Calendar.OfficeHours Office = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile();
    public const int Days = 3 * 365;

    public static readonly (string Name, KpiQuery Query)[] Dashboards =
    [
        ("all teams, one year", new KpiQuery(null, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), null, null)),
        ("arnhem-noord, one quarter", new KpiQuery("arnhem-noord", new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30), null, null)),
        ("arnhem-zuid, SMZ→WB, 45 days across months", new KpiQuery("arnhem-zuid", new DateOnly(2024, 2, 10), new DateOnly(2024, 3, 25), DivisionCode.Smz, DivisionCode.Werkbedrijf)),
        ("all teams, whole history (3 years)", new KpiQuery(null, Start, Start.AddDays(Days + 400), null, null)),
    ];

    public static async Task<ScaleResult> RunAsync(long handovers, int runs, string? postgres, bool reuse)
    {
        var (options, database) = Database(handovers, postgres);
        var meta = Path.Combine(Repo.Root, "artifacts", "bench", $"kpi-{handovers}-{database}.json");
        ScaleResult loaded;
        if (reuse && File.Exists(meta))
        {
            loaded = System.Text.Json.JsonSerializer.Deserialize<ScaleResult>(await File.ReadAllTextAsync(meta))!;
            Console.WriteLine($"[{handovers:N0}] reusing the loaded {database} database ({loaded.CounterRows:N0} rows)");
        }
        else
        {
            loaded = await GenerateAndLoadAsync(handovers, options, database);
            Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
            await File.WriteAllTextAsync(meta, System.Text.Json.JsonSerializer.Serialize(loaded));
        }
        var timings = new List<QueryTiming>();
        foreach (var (name, query) in Dashboards)
        {
            timings.Add(await TimeAsync(name, query, options, runs));
            Console.WriteLine($"[{handovers:N0}] {name}: p50 {timings[^1].P50:F1} ms, p99 {timings[^1].P99:F1} ms");
        }
        return loaded with { Queries = timings };
    }

    private static async Task<ScaleResult> GenerateAndLoadAsync(long handovers, DbContextOptions<HandoverDbContext> options, string database)
    {
        Console.WriteLine($"[{handovers:N0}] generating and aggregating ...");
        var clock = Stopwatch.StartNew();
        var (total, counted, events) = Aggregate(handovers);
        var generation = clock.Elapsed;
        Console.WriteLine($"[{handovers:N0}] {counted:N0} handovers, {events:N0} events in {generation.TotalSeconds:F1} s; {total.Counters.Count:N0} counter rows");
        clock.Restart();
        await using (var db = new HandoverDbContext(options))
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
            var store = new KpiStore(db);
            await using var tx = await db.Database.BeginTransactionAsync();
            await store.BulkLoadAsync(total.Counters.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)), default);
            await store.UpsertGaugesAsync(total.Gauges.OrderBy(g => g.Key).Select(g => (g.Key, g.Value)).ToList(), default);
            await tx.CommitAsync();
        }
        var load = clock.Elapsed;
        long rows;
        await using (var db = new HandoverDbContext(options))
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE kpi_counters");
            }
            rows = await db.KpiCounters.LongCountAsync();
        }
        Console.WriteLine($"[{handovers:N0}] loaded {rows:N0} rows into {database} in {load.TotalSeconds:F1} s");
        return new ScaleResult(handovers, counted, events, generation, load, rows, database, []);
    }

    /// <summary>Streams the history partition by partition (one per core) through the KPI projection; memory holds aggregates only.</summary>
    public static (KpiAccumulator Total, long Handovers, long Events) Aggregate(long handovers)
    {
        var partitions = Environment.ProcessorCount;
        var parts = new ConcurrentBag<(KpiAccumulator, long, long)>();
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
        {
            var fold = new KpiFold(new KpiAccumulator(), Office);
            long count = 0, events = 0;
            foreach (var lineage in new SyntheticHistory(Office).Lineages(Seed, handovers, Start, Days, p, partitions))
            {
                foreach (var e in lineage)
                {
                    fold.Apply(e);
                    count += e is HandoverRequested ? 1 : 0;
                    events++;
                }
                if (lineage.OfType<DossierOpened>().FirstOrDefault() is { } opened)
                {
                    fold.Forget(opened.DossierId);
                }
            }
            parts.Add((fold.Accumulator, count, events));
        });
        var total = new KpiAccumulator();
        foreach (var (part, _, _) in parts)
        {
            foreach (var (key, value) in part.Counters)
            {
                total.Counters[key] = total.Counters.GetValueOrDefault(key) + value;
            }
            foreach (var (key, value) in part.Gauges)
            {
                total.Gauges[key] = total.Gauges.GetValueOrDefault(key) + value;
            }
        }
        return (total, parts.Sum(p => p.Item2), parts.Sum(p => p.Item3));
    }

    private static async Task<QueryTiming> TimeAsync(string name, KpiQuery query, DbContextOptions<HandoverDbContext> options, int runs)
    {
        var samples = new List<double>();
        for (var run = -3; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var db = new HandoverDbContext(options);
            var service = new HandoverKpiGrpcService(db, new KpiStore(db), Office, TimeProvider.System);
            var dashboard = KpiDashboardBuilder.Build(await service.TotalsAsync(query, default));
            watch.Stop();
            if (run >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
            GC.KeepAlive(dashboard);
        }
        samples.Sort();
        return new QueryTiming(name, Percentile(samples, 0.50), Percentile(samples, 0.99), samples[^1]);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static (DbContextOptions<HandoverDbContext>, string) Database(long scale, string? postgres)
    {
        var builder = new DbContextOptionsBuilder<HandoverDbContext>();
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.UseNpgsql($"{postgres};Database=uwv_bench_kpi_{scale};Command Timeout=600");
            return (builder.Options, "PostgreSQL");
        }
        var directory = Path.Combine(Repo.Root, "artifacts", "bench");
        Directory.CreateDirectory(directory);
        builder.UseSqlite($"Data Source={Path.Combine(directory, $"kpi-{scale}.db")};Default Timeout=600");
        return (builder.Options, "SQLite");
    }
}

public static class Repo
{
    public static readonly string Root = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Uwv.OneUwv.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
