using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Divisions;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// A transient PostgreSQL failure at the commit of an explicit transaction, on the real server: the unit of work is
/// repeated whole by Npgsql's retrying execution strategy, or, when the commit did happen and only its answer was lost,
/// recognised as done; either way the dossier and its flow-load count are written exactly once (decision 0027). The
/// path is the handover service's own: a dossier learned from its division (decision 0022). A database of its own.
/// </summary>
public sealed class TransientDatabaseFailureTests : IAsyncLifetime
{
    private readonly string _superuser = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");
    private readonly string _database = "transient_" + Guid.NewGuid().ToString("N")[..12];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_superuser) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_database}\"");
        await using var db = Open(new FailingCommit(FailAt.Never));
        await db.Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task CommitFailsTransiently_TheUnitIsRetried_AndWritesTheDossierAndItsCountOnce()
    {
        var failing = new FailingCommit(FailAt.BeforeCommit);

        var dossier = await LearnAsync(failing);

        failing.Failures.ShouldBe(1);
        failing.Commits.ShouldBe(1);
        await ShouldBeWrittenOnceAsync(dossier);
    }

    [Fact]
    public async Task CommitSucceedsButItsAnswerIsLost_TheWriteIsRecognised_AndNotRepeated()
    {
        var failing = new FailingCommit(FailAt.AfterCommit);

        var dossier = await LearnAsync(failing);

        failing.Failures.ShouldBe(1);
        failing.Commits.ShouldBe(1);
        await ShouldBeWrittenOnceAsync(dossier);
    }

    private async Task<DivisionDossier> LearnAsync(FailingCommit failing)
    {
        var dossier = new DivisionDossier(Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Smz, "arnhem-noord", "verzekeringsarts.arnhem-noord", "open", DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var db = Open(failing);
        var office = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile();
        var kpis = new KpiStore(db);
        var learner = new DossierLearner(db, new DossierRegister(db, new KpiRecorder(db, kpis, office)), kpis, new KnownDossier(dossier));
        await learner.LearnAsync(dossier.DossierId, dossier.DossierId.ToString(), DivisionCode.Smz, CancellationToken.None);
        return dossier;
    }

    private async Task ShouldBeWrittenOnceAsync(DivisionDossier dossier)
    {
        await using var check = Open(new FailingCommit(FailAt.Never));
        (await check.Dossiers.CountAsync(d => d.DossierId == dossier.DossierId)).ShouldBe(1);
        (await check.KpiGauges.Where(g => g.Metric == KpiMetrics.OpenDossiers).SumAsync(g => g.Value)).ShouldBe(1);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private HandoverDbContext Open(FailingCommit failing) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>().UsePlatformNpgsql(ConnectionString).AddInterceptors(failing).Options);

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_superuser) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private enum FailAt { Never, BeforeCommit, AfterCommit }

    /// <summary>
    /// Fails the first commit with a transient PostgreSQL error (40001, a serialization failure):
    /// before the commit reaches the server (nothing is written) or after it committed (the answer is lost).
    /// </summary>
    private sealed class FailingCommit(FailAt at) : DbTransactionInterceptor
    {
        public int Failures { get; private set; }
        public int Commits { get; private set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (at == FailAt.BeforeCommit && Failures == 0)
            {
                Failures++;
                throw Shutdown();
            }
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Commits++;
            if (at == FailAt.AfterCommit && Failures == 0)
            {
                Failures++;
                throw Shutdown();
            }
            return Task.CompletedTask;
        }

        private static PostgresException Shutdown() =>
            new("could not serialize access due to concurrent update", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
    }

    private sealed class KnownDossier(DivisionDossier dossier) : IDivisionDossiers
    {
        public Task<DivisionDossier?> FindAsync(DivisionCode division, Guid dossierId, CancellationToken ct) =>
            Task.FromResult<DivisionDossier?>(dossierId == dossier.DossierId ? dossier : null);
    }
}
