using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Audit;

/// <summary>The audit database as the retention role sees it: the only connection that may delete audit entries.</summary>
public sealed record AuditRetentionDatabase(DbContextOptions<AuditDbContext> Options)
{
    /// <summary>
    /// ConnectionStrings:AuditRetention, or else the audit store's own connection string (the embedded default's SQLite
    /// file has no roles; on PostgreSQL the audit store's role cannot delete, so a deployment sets AuditRetention).
    /// </summary>
    public static AuditRetentionDatabase From(IConfiguration configuration)
    {
        var own = configuration.GetConnectionString(AuditRetentionOptions.ConnectionName);
        var connectionString = string.IsNullOrWhiteSpace(own) ? PersistenceExtensions.ConnectionString(configuration, "audit") : own;
        var options = new DbContextOptionsBuilder<AuditDbContext>();
        if (PersistenceExtensions.IsPostgres(configuration))
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(PersistenceExtensions.WithoutSqlitePooling(connectionString));
        }
        return new AuditRetentionDatabase(options.Options);
    }
}

/// <summary>
/// Deletes audit entries older than <see cref="AuditRetentionOptions.RetainFor"/>, at start and then every
/// <see cref="AuditRetentionOptions.RetentionInterval"/>, at most <see cref="BatchSize"/> entries per statement so that no
/// pass holds a long lock on the log. It connects with its own role (<see cref="AuditRetentionDatabase"/>): the audit
/// store's role may only insert and read.
/// </summary>
public sealed class AuditRetention(
    AuditRetentionDatabase database,
    IOptions<AuditRetentionOptions> options,
    TimeProvider clock,
    ILogger<AuditRetention> logger) : BackgroundService
{
    public const int BatchSize = 1_000;

    /// <summary>One pass: deletes every entry older than the retention, batch by batch, oldest first; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var keep = options.Value.RetainFor;
        if (keep <= TimeSpan.Zero)
        {
            return 0;
        }
        var cutoff = clock.GetUtcNow() - keep;
        await using var db = new AuditDbContext(database.Options);
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Entries
                .Where(e => e.At < cutoff)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ExecuteDeleteAsync(ct);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetainFor <= TimeSpan.Zero)
        {
            logger.LogWarning("Audit retention is off (Audit:RetainFor is not positive): audit entries are kept for ever");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Audit retention deleted {Count} entries older than {RetainFor}", deleted, options.Value.RetainFor);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Audit retention failed ({ExceptionType}: {Reason}); retrying at the next interval. Is ConnectionStrings:{Name} a role that may delete audit entries?",
                    ex.GetType().Name, ex.Message, AuditRetentionOptions.ConnectionName);
            }
            try
            {
                await Task.Delay(options.Value.RetentionInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
