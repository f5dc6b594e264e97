using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Brings a PostgreSQL database to the schema of this build (decision 0026), holding a PostgreSQL advisory lock on the
/// database for the whole step, so of several instances starting at once one migrates and the others wait, then find
/// nothing left to do. A database made by a release before migrations (its baseline tables, no history) is adopted: its
/// baseline is recorded as applied without running it. A database with migrations this build does not know (a rollback
/// to an older image) is left as it is.
/// </summary>
public static class SchemaMigrator
{
    public static async Task<SchemaMigration> MigrateAsync(DbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }
        var history = db.GetService<IHistoryRepository>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // A session lock on the connection the migration runs on: it ends with the session if the process dies. A pooled
            // connection's session outlives its Close, so the lock is released explicitly below.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({LockName(db)}))", cancellationToken);
            try
            {
                return await MigrateLockedAsync(db, history, logger, cancellationToken);
            }
            finally
            {
                await UnlockAsync(db);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<SchemaMigration> MigrateLockedAsync(DbContext db, IHistoryRepository history, ILogger logger, CancellationToken cancellationToken)
    {
        var context = db.GetType().Name;
        var known = db.Database.GetMigrations().ToList();
        if (known.Count == 0)
        {
            throw new SchemaHistoryException($"{context} has no migrations; its baseline is missing from the build.");
        }
        var hasHistory = await HistoryTableExistsAsync(db, cancellationToken);
        var adopted = !hasHistory && await AdoptPreviousReleaseAsync(db, history, known[0], cancellationToken);
        if (adopted)
        {
            logger.LogInformation("Adopted the database of {Context} made by the release before migrations: recorded {Baseline} as applied", context, known[0]);
        }
        var applied = hasHistory || adopted
            ? (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToList()
            : [];
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            if (pending.Count > 0)
            {
                throw new SchemaHistoryException(
                    $"{context}'s database has migrations this build does not know ({string.Join(", ", unknown)}) and lacks some of this build's " +
                    $"({string.Join(", ", pending)}): it belongs to another line of releases; nothing was changed.");
            }
            logger.LogWarning(
                "The database of {Context} has later migrations than this build ({Migrations}); running on it unchanged, nothing is migrated down",
                context, string.Join(", ", unknown));
            return new SchemaMigration(adopted, [], unknown);
        }
        if (pending.Count == 0)
        {
            return new SchemaMigration(adopted, [], []);
        }
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Migrated the database of {Context}: {Migrations}", context, string.Join(", ", pending));
        return new SchemaMigration(adopted, pending, []);
    }

    private static async Task UnlockAsync(DbContext db)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({LockName(db)}))", CancellationToken.None);
        }
        catch (System.Data.Common.DbException)
        {
            // The connection broke, and its session's lock went with it; the migration's own failure is what to report.
        }
    }

    /// <summary>
    /// Whether the context's history table exists. Not <see cref="IHistoryRepository.ExistsAsync"/>: with the PostgreSQL
    /// provider it answers whether the database exists.
    /// </summary>
    private static async Task<bool> HistoryTableExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var table = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;
        return await db.Database.SqlQuery<bool>($"SELECT to_regclass(quote_ident({table})) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>
    /// A database the previous release created with EnsureCreated has every table of the baseline and no history: the
    /// baseline is recorded as applied (in one transaction with the history table). A database with some but not all of
    /// them is not the previous release's; it is refused rather than guessed at.
    /// </summary>
    private static async Task<bool> AdoptPreviousReleaseAsync(DbContext db, IHistoryRepository history, string baseline, CancellationToken cancellationToken)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var migration = migrations.CreateMigration(migrations.Migrations[baseline], db.Database.ProviderName!);
        var tables = migration.UpOperations.OfType<CreateTableOperation>().Select(t => t.Name).ToArray();
        var present = await db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY({tables})")
            .SingleAsync(cancellationToken);
        if (present == 0)
        {
            return false;
        }
        if (present != tables.Length)
        {
            throw new SchemaHistoryException(
                $"{db.GetType().Name}'s database has {present} of the {tables.Length} tables of the baseline and no migration history: " +
                "it was not made by the previous release; nothing was changed.");
        }
        // Through the execution strategy: a retrying one refuses a transaction begun outside it.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return true;
    }

    /// <summary>Advisory locks are per database; the context's name keeps two contexts sharing one database apart.</summary>
    private static string LockName(DbContext db) => LockNameOf(db.GetType());

    /// <summary>The advisory lock (<c>pg_advisory_lock(hashtext(name))</c>) the migration of a context holds.</summary>
    public static string LockNameOf(Type context) => "uwv-schema:" + context.FullName;
}

/// <summary>What a start-up did to the schema: adopted a previous release's database, applied migrations, or found later ones.</summary>
public sealed record SchemaMigration(bool AdoptedPreviousRelease, IReadOnlyList<string> Applied, IReadOnlyList<string> Unknown);

/// <summary>The database's migration history does not fit this build; starting would run on a schema it does not know.</summary>
public sealed class SchemaHistoryException(string message) : InvalidOperationException(message);
