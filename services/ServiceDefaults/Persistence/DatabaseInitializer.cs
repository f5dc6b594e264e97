using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Creates or migrates the service's database and schema before the service takes calls or messages
/// (hosted services start in registration order, and this one is registered before the bus). PostgreSQL is migrated
/// (<see cref="SchemaMigrator"/>, decision 0026); the embedded SQLite file is created from the model. With a schema owner
/// login (<see cref="PersistenceExtensions.SchemaOwnerConnectionString"/>) the schema is made through that login, not the
/// service's working one.
/// </summary>
public sealed class DatabaseInitializer<TContext>(IServiceScopeFactory scopes, SchemaOwner<TContext> owner, ILogger<DatabaseInitializer<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var asOwner = owner.ConnectionString is { } ownerLogin
                    ? ActivatorUtilities.CreateInstance<TContext>(scope.ServiceProvider,
                        new DbContextOptionsBuilder<TContext>().UseNpgsql(ownerLogin, npgsql => PostgresMigrations.Configure(npgsql, owner.Name)).Options)
                    : null;
                var db = asOwner ?? scope.ServiceProvider.GetRequiredService<TContext>();
                if (db.Database.IsNpgsql())
                {
                    await SchemaMigrator.MigrateAsync(db, logger, cancellationToken);
                    return;
                }
                await db.Database.EnsureCreatedAsync(cancellationToken);
                if (db.Database.IsSqlite())
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }
                return;
            }
            catch (Exception ex) when (attempt < 10 && ex is not OperationCanceledException and not SchemaHistoryException)
            {
                logger.LogWarning("Database for {Context} not ready ({ExceptionType}); attempt {Attempt}", typeof(TContext).Name, ex.GetType().Name, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The login that creates <typeparamref name="TContext"/>'s schema, if it is not the service's working login, and the
/// name the database is registered under (its migration history table is named after it).
/// </summary>
public sealed record SchemaOwner<TContext>(string? ConnectionString, string Name) where TContext : DbContext;
