using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Data;

/// <summary>
/// Writes KPI increments as atomic upserts (day row + month and year rollup rows) and reads them back summed. Each key
/// has up to <see cref="Shards"/> rows and a transaction increments one of them: every handover of an area team touches
/// the same few keys, and one row per key would let only one transaction at a time hold them until its commit
/// (decision 0014). Within the service the shard is leased from the <see cref="KpiShardPool"/> for the whole scope (one
/// call or one message), so no two writers of this process wait for each other's row locks; without a pool (bulk loads
/// and reads) a shard is picked at random.
/// </summary>
public sealed class KpiStore(HandoverDbContext db, ScopedKpiShard? shard = null)
{
    public const int Shards = 16;
    private const int BatchRows = 400;

    /// <summary>
    /// The shard this scope writes to (<see cref="ScopedKpiShard"/>), or one at random without a pool. Take it before a
    /// transaction begins: the wait for a free shard then holds no connection and no lock, and a writer waiting for a
    /// connection can never hold the shard another writer inside a transaction waits for.
    /// </summary>
    public ValueTask<short> ShardAsync(CancellationToken ct) =>
        shard?.TakeAsync(ct) ?? ValueTask.FromResult((short)Random.Shared.Next(Shards));

    /// <summary>Gives the scope's shard back once its transaction has ended.</summary>
    public void ReleaseShard() => shard?.Release();

    /// <summary>
    /// Adds the increments to this scope's shard (<see cref="ShardAsync"/>) in one command (<see cref="IncrementStatementsAsync"/>).
    /// </summary>
    public async Task IncrementAsync(IEnumerable<KpiDelta> counters, IEnumerable<GaugeDelta> gauges, CancellationToken ct)
    {
        if (await IncrementStatementsAsync(counters, gauges, ct) is { Count: > 0 } statements)
        {
            var statement = SqlStatement.Combine(statements);
            await db.Database.ExecuteSqlRawAsync(statement.Sql, statement.Arguments, ct);
        }
    }

    /// <summary>
    /// The statements that add the increments to this scope's shard (<see cref="ShardAsync"/>), for the caller to send
    /// last in its write; none when nothing changes. Rows are merged per key and written in key order (no lock-order
    /// deadlocks), counters before gauges, at most <see cref="BatchRows"/> rows a statement.
    /// </summary>
    public async ValueTask<IReadOnlyList<SqlStatement>> IncrementStatementsAsync(
        IEnumerable<KpiDelta> counters, IEnumerable<GaugeDelta> gauges, CancellationToken ct)
    {
        var merged = new KpiAccumulator();
        merged.Add(counters, gauges);
        var target = await ShardAsync(ct);
        var counterRows = merged.Counters.Where(m => m.Value != 0).OrderBy(m => m.Key).Select(m => (m.Key, m.Value)).ToList();
        var gaugeRows = merged.Gauges.Where(g => g.Value != 0).OrderBy(g => g.Key).Select(g => (g.Key, g.Value)).ToList();
        var statements = new List<SqlStatement>();
        foreach (var batch in counterRows.Chunk(BatchRows))
        {
            statements.Add(Statement((sql, args) => AppendCounterUpsert(sql, args, batch, target)));
        }
        foreach (var batch in gaugeRows.Chunk(BatchRows))
        {
            statements.Add(Statement((sql, args) => AppendGaugeUpsert(sql, args, batch, target)));
        }
        return statements;
    }

    private static SqlStatement Statement(Action<StringBuilder, List<object>> append)
    {
        var sql = new StringBuilder();
        var args = new List<object>();
        append(sql, args);
        return new SqlStatement(sql.ToString(), args);
    }

    public async Task UpsertGaugesAsync(IReadOnlyList<((string Team, int Division, string Metric) Key, long Value)> rows, CancellationToken ct, short shard = 0)
    {
        foreach (var batch in rows.Chunk(BatchRows))
        {
            var sql = new StringBuilder();
            var args = new List<object>();
            AppendGaugeUpsert(sql, args, batch, shard);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    /// <summary>Adds already merged counter rows to one shard (also used by the benchmark's bulk load).</summary>
    public async Task UpsertCountersAsync(
        IReadOnlyList<((int Period, string Team, int From, int To, string Metric) Key, long Value)> rows, CancellationToken ct, short shard = 0)
    {
        foreach (var batch in rows.Chunk(BatchRows))
        {
            var sql = new StringBuilder();
            var args = new List<object>();
            AppendCounterUpsert(sql, args, batch, shard);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    private static void AppendCounterUpsert(
        StringBuilder sql, List<object> args, IReadOnlyCollection<((int Period, string Team, int From, int To, string Metric) Key, long Value)> rows, short shard) =>
        AppendUpsert(sql, args, "kpi_counters", ["Period", "Team", "FromDivision", "ToDivision", "Metric"], rows,
            r => [r.Key.Period, r.Key.Team, r.Key.From, r.Key.To, r.Key.Metric, shard, r.Value]);

    private static void AppendGaugeUpsert(
        StringBuilder sql, List<object> args, IReadOnlyCollection<((string Team, int Division, string Metric) Key, long Value)> rows, short shard) =>
        AppendUpsert(sql, args, "kpi_gauges", ["Team", "Division", "Metric"], rows, r => [r.Key.Team, r.Key.Division, r.Key.Metric, shard, r.Value]);

    /// <summary>
    /// One statement adding each row's value to its key's shard row (none when there are no rows); <paramref name="values"/>
    /// gives the key columns, the shard and the value. Its placeholders continue after those already in <paramref name="args"/>.
    /// </summary>
    private static void AppendUpsert<TRow>(
        StringBuilder sql, List<object> args, string table, string[] keyColumns, IReadOnlyCollection<TRow> rows, Func<TRow, object[]> values)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var key = string.Join(",", keyColumns.Append("Shard").Select(c => $"\"{c}\""));
        sql.Append($"INSERT INTO {table} ({key},\"Value\") VALUES ");
        var first = true;
        foreach (var row in rows)
        {
            var rowValues = values(row);
            sql.Append(first ? "" : ",").Append(Placeholders(args.Count, rowValues.Length));
            args.AddRange(rowValues);
            first = false;
        }
        sql.Append($" ON CONFLICT ({key}) DO UPDATE SET \"Value\" = {table}.\"Value\" + excluded.\"Value\";");
    }

    /// <summary>
    /// The counters of a period summed per division pair and metric: whole years and months are read from their rollup
    /// rows, the partial months at either end from day rows, so the rows read do not grow with the history.
    /// </summary>
    public async Task<Dictionary<(int From, int To, string Metric), long>> SumAsync(KpiQuery q, CancellationToken ct)
    {
        var sums = await InPeriod(Filter(db.KpiCounters.AsNoTracking(), q), q)
            .GroupBy(c => new { c.FromDivision, c.ToDivision, c.Metric })
            .Select(g => new { g.Key.FromDivision, g.Key.ToDivision, g.Key.Metric, Value = g.Sum(c => c.Value) })
            .ToListAsync(ct);
        return sums.ToDictionary(s => (s.FromDivision, s.ToDivision, s.Metric), s => s.Value);
    }

    /// <summary>
    /// The counters of the per-team measures (<see cref="KpiMetrics.IsPerTeam"/>) summed per area team, division pair
    /// and metric; the division pair filter applies to the handover measures, not to the norms (they are not about a pair).
    /// </summary>
    public async Task<Dictionary<(string Team, int From, int To, string Metric), long>> SumPerTeamAsync(KpiQuery q, CancellationToken ct)
    {
        var team = db.KpiCounters.AsNoTracking().Where(c => q.Team == null || c.Team == q.Team);
        var handover = Filter(team, q).Where(c => c.Metric.StartsWith(KpiMetrics.LeadTimePrefix)
            || c.Metric == KpiMetrics.EscalationsFired || c.Metric == KpiMetrics.EscalationsResolved);
        var norms = team.Where(c => c.Metric.StartsWith(KpiMetrics.NormResolvedPrefix) || c.Metric.StartsWith(KpiMetrics.NormEscalatedPrefix)
            || c.Metric.StartsWith(KpiMetrics.NormEscalationClosedPrefix));
        var sums = await InPeriod(handover, q).Concat(InPeriod(norms, q))
            .GroupBy(c => new { c.Team, c.FromDivision, c.ToDivision, c.Metric })
            .Select(g => new { g.Key.Team, g.Key.FromDivision, g.Key.ToDivision, g.Key.Metric, Value = g.Sum(c => c.Value) })
            .ToListAsync(ct);
        return sums.ToDictionary(s => (s.Team, s.FromDivision, s.ToDivision, s.Metric), s => s.Value);
    }

    /// <summary>Arrivals per area team and division in the period (for flow load).</summary>
    public async Task<Dictionary<(string Team, int Division), long>> ArrivalsAsync(KpiQuery q, CancellationToken ct)
    {
        var rows = db.KpiCounters.AsNoTracking().Where(c => c.Metric == KpiMetrics.Arrivals && (q.Team == null || c.Team == q.Team));
        var sums = await InPeriod(rows, q).GroupBy(c => new { c.Team, c.ToDivision })
            .Select(g => new { g.Key.Team, g.Key.ToDivision, Value = g.Sum(c => c.Value) }).ToListAsync(ct);
        return sums.ToDictionary(s => (s.Team, s.ToDivision), s => s.Value);
    }

    /// <summary>The rows of the period: one index seek per rollup period and per partial-month day range (UNION ALL).</summary>
    private static IQueryable<KpiCounter> InPeriod(IQueryable<KpiCounter> rows, KpiQuery q)
    {
        var (rollups, firstFrom, firstTo, lastFrom, lastTo) = Periods(q.From, q.To);
        var parts = rollups.Select(period => rows.Where(c => c.Period == period)).ToList();
        if (firstFrom <= firstTo)
        {
            parts.Add(rows.Where(c => c.Period >= firstFrom && c.Period <= firstTo));
        }
        if (lastFrom <= lastTo)
        {
            parts.Add(rows.Where(c => c.Period >= lastFrom && c.Period <= lastTo));
        }
        return parts.Aggregate((all, part) => all.Concat(part));
    }

    /// <summary>The gauges of one area team (null: all), summed over their shards.</summary>
    public async Task<List<(string Team, int Division, string Metric, long Value)>> GaugesAsync(string? team, CancellationToken ct) =>
        (await db.KpiGauges.AsNoTracking().Where(g => team == null || g.Team == team)
            .GroupBy(g => new { g.Team, g.Division, g.Metric })
            .Select(g => new { g.Key.Team, g.Key.Division, g.Key.Metric, Value = g.Sum(x => x.Value) })
            .ToListAsync(ct))
        .ConvertAll(g => (g.Team, g.Division, g.Metric, g.Value));

    private static IQueryable<KpiCounter> Filter(IQueryable<KpiCounter> rows, KpiQuery q)
    {
        if (q.Team is not null)
        {
            rows = rows.Where(c => c.Team == q.Team);
        }
        if (q.FromDivision is { } from)
        {
            rows = rows.Where(c => c.FromDivision == (int)from);
        }
        if (q.ToDivision is { } to)
        {
            rows = rows.Where(c => c.ToDivision == (int)to);
        }
        return rows;
    }

    /// <summary>
    /// Whole years and whole months (rollup periods) and the day ranges of the partial months at the start and end:
    /// a period of any length reads at most a few dozen periods per counter.
    /// </summary>
    internal static (List<int> Rollups, int FirstFrom, int FirstTo, int LastFrom, int LastTo) Periods(DateOnly from, DateOnly to)
    {
        var rollups = new List<int>();
        var ranges = new List<(int, int)>();
        for (var cursor = from; cursor <= to;)
        {
            var yearEnd = new DateOnly(cursor.Year, 12, 31);
            if (cursor.DayOfYear == 1 && yearEnd <= to)
            {
                rollups.Add(KpiAccumulator.YearPeriod(cursor));
                cursor = yearEnd.AddDays(1);
                continue;
            }
            var monthStart = new DateOnly(cursor.Year, cursor.Month, 1);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            if (cursor == monthStart && monthEnd <= to)
            {
                rollups.Add(KpiAccumulator.MonthPeriod(cursor));
                cursor = monthEnd.AddDays(1);
                continue;
            }
            var end = monthEnd < to ? monthEnd : to;
            ranges.Add((KpiAccumulator.DayPeriod(cursor), KpiAccumulator.DayPeriod(end)));
            cursor = end.AddDays(1);
        }
        var first = ranges.Count > 0 ? ranges[0] : (0, -1);
        var last = ranges.Count > 1 ? ranges[^1] : (0, -1);
        return (rollups, first.Item1, first.Item2, last.Item1, last.Item2);
    }

    /// <summary>
    /// Loads merged rows into EMPTY tables with one prepared statement per table (the benchmark's bulk path; the
    /// service itself always increments with <see cref="IncrementAsync"/>).
    /// </summary>
    public async Task BulkLoadAsync(IEnumerable<((int Period, string Team, int From, int To, string Metric) Key, long Value)> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "INSERT INTO kpi_counters (\"Period\",\"Team\",\"FromDivision\",\"ToDivision\",\"Metric\",\"Shard\",\"Value\") VALUES (@p,@t,@f,@o,@m,0,@v)";
        var parameters = new[] { ("@p", (object)0), ("@t", ""), ("@f", 0), ("@o", 0), ("@m", ""), ("@v", 0L) }.Select(x =>
        {
            var p = command.CreateParameter();
            p.ParameterName = x.Item1;
            p.Value = x.Item2;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var (key, value) in rows)
        {
            parameters[0].Value = key.Period;
            parameters[1].Value = key.Team;
            parameters[2].Value = key.From;
            parameters[3].Value = key.To;
            parameters[4].Value = key.Metric;
            parameters[5].Value = value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Placeholders(int start, int count) =>
        "(" + string.Join(",", Enumerable.Range(start, count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}")) + ")";
}

/// <summary>A dashboard query: area team (null: all), inclusive day range, optional division pair.</summary>
public sealed record KpiQuery(string? Team, DateOnly From, DateOnly To, Contracts.Events.DivisionCode? FromDivision, Contracts.Events.DivisionCode? ToDivision);
