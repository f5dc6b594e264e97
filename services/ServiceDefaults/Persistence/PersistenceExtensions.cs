using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// The service's own database: PostgreSQL when Database:Provider is "Postgres" (real servers),
    /// otherwise a SQLite file under Data:Directory (the embedded default). Also its outbox relay and retention.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDb<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : ServiceDbContext
    {
        builder.Services.AddSingleton<OutboxSignal<TContext>>();
        // The options are built once for the pool, from the root provider: the signal is a singleton. The audit record of a
        // write call is staged first, so the signal sees its outbox row too.
        builder.AddDatabase<TContext>(name, (sp, options) => options.AddInterceptors(
            AuditedWriteInterceptor.Instance,
            new OutboxSignalInterceptor<TContext>(sp.GetRequiredService<OutboxSignal<TContext>>())));
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHostedService<OutboxRetention<TContext>>();
        builder.Services.AddOutboxBacklogMetric<TContext>(name);
        builder.Services.AddBusConsumers(x => x.AddConsumer<ReplayConsumer<TContext>>().Endpoint(e => e.Name = $"{name}-replay"));
        return builder;
    }

    /// <summary>
    /// A database of the service without an outbox (e.g. the audit log). Contexts are pooled: every gRPC call and
    /// every consumed message resolves one, and building a context with fresh options cost about a fifth of the
    /// klantbeeld's CPU per read (docs/benchmarks.md). A pooled context is reset when it returns to the pool.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase<TContext>(
        this IHostApplicationBuilder builder, string name, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = ConnectionString(builder.Configuration, name);
        var postgres = IsPostgres(builder.Configuration);
        builder.Services.AddDbContextPool<TContext>((sp, options) =>
        {
            if (postgres)
            {
                options.UsePlatformNpgsql(connectionString, name);
            }
            else
            {
                options.UseSqlite(WithoutSqlitePooling(connectionString));
            }
            configure?.Invoke(sp, options);
        });
        builder.Services.AddSingleton(new SchemaOwner<TContext>(postgres ? SchemaOwnerConnectionString(builder.Configuration, name) : null, name));
        builder.Services.AddHostedService<DatabaseInitializer<TContext>>();
        builder.Services.AddDatabaseHealthCheck<TContext>(name);
        return builder;
    }

    /// <summary>
    /// Transient PostgreSQL failures (a dropped connection, a fail-over, a serialization failure) are retried by Npgsql's
    /// execution strategy this often, with exponential back-off of at most <see cref="MaxRetryDelay"/>; explicit
    /// transactions run through <see cref="ResilientTransactions"/>.
    /// </summary>
    public const int TransientRetries = 4;

    /// <summary>
    /// The most connections one process opens to one database unless the connection string says otherwise
    /// (<c>Maximum Pool Size</c>); Npgsql's own default is 100. At least the handover's 16 KPI shards, so that every
    /// shard holder can have a connection.
    /// </summary>
    public const int MaxConnections = 20;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(3);

    /// <summary>PostgreSQL as every service uses it: prepared statements, and transient failures retried.</summary>
    public static DbContextOptionsBuilder UsePlatformNpgsql(this DbContextOptionsBuilder options, string connectionString, string? name = null) =>
        options.UseNpgsql(WithPoolDefaults(connectionString), npgsql =>
        {
            npgsql.EnableRetryOnFailure(TransientRetries, MaxRetryDelay, null);
            if (name is not null)
            {
                PostgresMigrations.Configure(npgsql, name);
            }
        });

    /// <summary>
    /// ConnectionStrings:{name}Owner, when given, is the login that creates the database's schema; the service then works
    /// with ConnectionStrings:{name}, a login with fewer rights (the audit store's writer may only INSERT and SELECT,
    /// decision 0020). Without it the service's own login creates the schema, as the owner of its database.
    /// </summary>
    public static string? SchemaOwnerConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name + "Owner") is { Length: > 0 } owner ? owner : null;

    /// <summary>
    /// The pool settings every service's PostgreSQL connections get unless the connection string says otherwise:
    /// Npgsql prepares a statement on a connection once it has run twice there (every command runs the same few
    /// statements, and PostgreSQL then skips parsing and planning them, decision 0015); and a connection going back to
    /// the pool is not reset, because no service leaves session state on it (no SET outside a transaction, no LISTEN,
    /// no temporary table; the migration's advisory lock is released explicitly), so the reset would be a statement
    /// of pure cost on every reuse (decision 0032); and a process opens at most <see cref="MaxConnections"/>
    /// connections to a database, so that a burst of calls waits for a connection in the process instead of starting
    /// more PostgreSQL backends than the cores can run (decision 0043).
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var built = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            built.MaxAutoPrepare = 64;
            built.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains("MAXIMUMPOOLSIZE") && !given.Contains("MAXPOOLSIZE"))
        {
            built.MaxPoolSize = MaxConnections;
        }
        if (!given.Contains("NORESETONCLOSE"))
        {
            built.NoResetOnClose = true;
        }
        return built.ConnectionString;
    }

    /// <summary>
    /// SQLite (the embedded default) opens its file for each use unless the connection string says otherwise. A pooled
    /// SQLite connection goes back to the pool by unregistering EF Core's functions and collations, which SQLite refuses
    /// while a statement that the garbage collector has not finalized yet is still active on it; the connection then
    /// stays in the pool with that statement and its transaction, and every later write on it fails ("cannot start a
    /// transaction within a transaction"). Seen once under the integration tests' concurrency; opening the file is cheap.
    /// </summary>
    public static string WithoutSqlitePooling(string connectionString)
    {
        var built = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Pooling"))
        {
            built.Pooling = false;
        }
        return built.ConnectionString;
    }

    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionString(IConfiguration configuration, string name)
    {
        var configured = configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (IsPostgres(configuration))
        {
            var server = configuration.GetConnectionString("postgres") ?? "Host=127.0.0.1;Port=5432;Username=postgres";
            var prefix = configuration["Database:NamePrefix"] ?? "uwv_";
            return $"{server};Database={prefix}{name}";
        }
        var directory = Path.GetFullPath(configuration["Data:Directory"] ?? "data");
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, name + ".db")};Default Timeout=30";
    }
}
