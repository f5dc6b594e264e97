using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.FaultTests.Deadlines;

/// <summary>
/// The norm deadline sweep on the real PostgreSQL: two sweepers (two service instances) race over the same due
/// deadlines, then a third starts as after a restart. Every warning and every escalation is committed exactly once, and
/// a deadline whose commit fails does not stop the others; it is set aside and fires once at a later sweep, and a full
/// batch of failing deadlines does not starve the ones behind it. A database of its own, dropped afterwards.
/// </summary>
public sealed class NormSweepOnPostgresTests : IAsyncLifetime
{
    private readonly string _superuser = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");
    private readonly string _database = "norms_" + Guid.NewGuid().ToString("N")[..12];
    private readonly FailingDeadline _failing = new();

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_superuser) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_database}\"");
        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task DueDeadlines_TwoSweepersAndARestart_FireEachWarningAndEscalationExactlyOnce_AndOneFailureStopsNoOther()
    {
        var now = DateTimeOffset.UtcNow;
        var passed = Enumerable.Range(0, 30).Select(_ => Add(now.AddHours(-2), now.AddMinutes(-1))).ToList();
        var warned = Enumerable.Range(0, 30).Select(_ => Add(now.AddMinutes(-5), now.AddHours(3))).ToList();
        var notYet = Add(now.AddHours(3), now.AddHours(5));
        var failing = Add(now.AddHours(-2), now.AddMinutes(-2));
        await using (var db = Open())
        {
            db.NormDeadlines.AddRange([.. passed, .. warned, notYet, failing]);
            await db.SaveChangesAsync();
        }
        _failing.Ids.Add(failing.DeadlineId);

        // Two instances sweep at once, several times each.
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var total = new List<NormSweepResult>();
            for (var i = 0; i < 4; i++)
            {
                total.Add(await SweepAsync());
            }
            return total;
        })));
        var all = results.SelectMany(r => r).ToList();
        all.Sum(r => r.Escalated).ShouldBe(30);
        all.Sum(r => r.Warned).ShouldBe(30);
        all.Sum(r => r.Failed).ShouldBeGreaterThan(0);

        // Restarted: nothing fires twice, and the deadline that failed is set aside for a while; it fires once its commit works.
        (await SweepAsync()).ShouldBe(new NormSweepResult(0, 0, 0, false));
        _failing.Ids.Clear();
        var later = now + NormRules.MaxRetryDelay + TimeSpan.FromMinutes(1);
        (await SweepAsync(later)).ShouldBe(new NormSweepResult(0, 1, 0, false));
        (await SweepAsync(later)).ShouldBe(new NormSweepResult(0, 0, 0, false));

        var events = await EventsAsync();
        var escalations = events.OfType<NormDeadlineEscalated>().ToList();
        escalations.Select(e => e.DeadlineId).ShouldBe([.. passed.Select(d => d.DeadlineId), failing.DeadlineId], ignoreOrder: true);
        escalations.ShouldAllBe(e => e.Level == "teamleider" && e.AreaTeam == "arnhem-noord" && e.Norm == Uwv.Contracts.Events.Norms.Terugbelverzoek);
        events.OfType<NormDeadlineWarned>().Select(e => e.DeadlineId).ShouldBe(warned.Select(d => d.DeadlineId), ignoreOrder: true);
        events.OfType<NormDeadlineWarned>().ShouldNotContain(w => w.DeadlineId == notYet.DeadlineId);

        await using var check = Open();
        var stored = await check.NormDeadlines.AsNoTracking().ToDictionaryAsync(d => d.DeadlineId);
        passed.ShouldAllBe(d => stored[d.DeadlineId].EscalatedAt != null && stored[d.DeadlineId].WarnedAt == null && stored[d.DeadlineId].Version == 2);
        warned.ShouldAllBe(d => stored[d.DeadlineId].WarnedAt != null && stored[d.DeadlineId].EscalatedAt == null && stored[d.DeadlineId].Version == 2);
    }

    [Fact]
    public async Task DeadlinesThatKeepFailing_AreSetAside_SoTheyCannotStarveTheDeadlinesBehindThem()
    {
        var now = DateTimeOffset.UtcNow;
        var broken = Enumerable.Range(0, NormSweep<SweptDb>.BatchSize).Select(i => Add(now.AddHours(-3), now.AddHours(-2).AddSeconds(i))).ToList();
        var good = Add(now.AddHours(-1), now.AddMinutes(-1));
        var suspended = Add(now.AddHours(-1), now.AddMinutes(-1));
        suspended.SuspendedAt = now.AddHours(-1);
        await using (var db = Open())
        {
            db.NormDeadlines.AddRange([.. broken, good, suspended]);
            await db.SaveChangesAsync();
        }
        broken.ForEach(d => _failing.Ids.Add(d.DeadlineId));

        // The first batch is all broken deadlines (they are due first); each fails once and is set aside.
        (await SweepAsync(now)).ShouldBe(new NormSweepResult(0, 0, broken.Count, true));
        // The next pass reaches the deadline behind them; the suspended one stays quiet.
        (await SweepAsync(now)).ShouldBe(new NormSweepResult(0, 1, 0, false));
        // A minute later the broken ones are tried again, and set aside for longer.
        (await SweepAsync(now.AddMinutes(1).AddSeconds(1))).ShouldBe(new NormSweepResult(0, 0, broken.Count, true));

        await using var check = Open();
        var stored = await check.NormDeadlines.AsNoTracking().ToDictionaryAsync(d => d.DeadlineId);
        broken.ShouldAllBe(d => stored[d.DeadlineId].FailedAttempts == 2 && stored[d.DeadlineId].EscalatedAt == null
            && stored[d.DeadlineId].RetryAt > now.AddMinutes(2));
        (stored[good.DeadlineId].EscalatedAt is not null, stored[good.DeadlineId].FailedAttempts).ShouldBe((true, 0));
        (stored[suspended.DeadlineId].EscalatedAt, stored[suspended.DeadlineId].WarnedAt).ShouldBe((null, null));
    }

    [Fact]
    public async Task WorkDoneWhileTheSweeperEscalates_IsCommitted_AndItsResolutionKnowsTheEscalation()
    {
        var now = DateTimeOffset.UtcNow;
        var deadline = Add(now.AddHours(-2), now.AddMinutes(-1));
        await using (var db = Open())
        {
            db.NormDeadlines.Add(deadline);
            await db.SaveChangesAsync();
        }

        // The work is done (the deadline read), the sweeper escalates meanwhile, then the work commits.
        await using var work = Open();
        var open = (await work.OpenNormAsync(deadline.Norm, deadline.SubjectId, default)).ShouldNotBeNull();
        (await SweepAsync()).Escalated.ShouldBe(1);
        work.ResolveNorm(open, NormRules.Outcome(open.DueAt, now), now, now);
        await work.SaveChangesAsync();

        var resolved = (await EventsAsync()).OfType<NormDeadlineResolved>().ShouldHaveSingleItem();
        (resolved.Outcome, resolved.Met, resolved.WasEscalated).ShouldBe((NormOutcomes.Late, false, true));
        await using var check = Open();
        var stored = await check.NormDeadlines.AsNoTracking().SingleAsync(d => d.DeadlineId == deadline.DeadlineId);
        (stored.EscalatedAt is not null, stored.ResolvedAt is not null, stored.Version).ShouldBe((true, true, 3L));
        (await SweepAsync()).ShouldBe(new NormSweepResult(0, 0, 0, false));
    }

    private static NormDeadlineRecord Add(DateTimeOffset warnAt, DateTimeOffset dueAt) => new()
    {
        DeadlineId = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        Norm = Uwv.Contracts.Events.Norms.Terugbelverzoek,
        SubjectId = Guid.NewGuid(),
        Division = DivisionCode.Uitkeren,
        AreaTeam = "arnhem-noord",
        WarnAt = warnAt,
        DueAt = dueAt,
        SetAt = warnAt.AddHours(-20),
        Version = 1,
    };

    /// <summary>One sweep with a fresh context: as another instance, or the same one after a restart, would run it.</summary>
    private async Task<NormSweepResult> SweepAsync(DateTimeOffset? at = null)
    {
        await using var db = Open();
        TimeProvider clock = at is { } moment ? new FixedClock(moment) : TimeProvider.System;
        return await new NormSweep<SweptDb>(db, clock, NullLogger<NormSweep<SweptDb>>.Instance).RunOnceAsync(default);
    }

    private async Task<List<object>> EventsAsync()
    {
        await using var db = Open();
        var rows = await db.OutboxMessages.AsNoTracking().ToListAsync();
        return rows.Select(r => EventTypes.Deserialize(r.MessageType, r.Payload)).ToList();
    }

    private SweptDb Open() => new(new DbContextOptionsBuilder<SweptDb>()
        .UseNpgsql(ConnectionString)
        .AddInterceptors(_failing)
        .Options);

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_superuser) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    /// <summary>A division's database with only the shared tables (dossiers, contacts, norm deadlines, outbox).</summary>
    public sealed class SweptDb(DbContextOptions<SweptDb> options) : DivisionDbContext(options)
    {
        protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
        {
        }
    }

    /// <summary>Makes the commit of these deadlines' changes fail, as a broken row or a lost connection would.</summary>
    private sealed class FailingDeadline : SaveChangesInterceptor
    {
        public HashSet<Guid> Ids { get; } = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            var touches = eventData.Context!.ChangeTracker.Entries<NormDeadlineRecord>()
                .Any(e => e.State == EntityState.Modified && Ids.Contains(e.Entity.DeadlineId));
            return touches ? throw new InvalidOperationException("the commit of this deadline fails") : base.SavingChangesAsync(eventData, result, ct);
        }
    }
}
