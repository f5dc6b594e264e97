extern alias KlantbeeldService;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Uwv.Handover.Data;
using KlantbeeldService::Uwv.Klantbeeld.Audit;
using KlantbeeldService::Uwv.Klantbeeld.Data;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;
using Uwv.BezwaarBeroep.Data;
using Uwv.Smz.Data;
using Uwv.Uitkeren.Data;
using Uwv.Werkbedrijf.Data;

namespace Uwv.FaultTests.Migrations;

/// <summary>
/// The start-up migration (decision 0026) on the real PostgreSQL, through the services' own <see cref="DatabaseInitializer{TContext}"/>:
/// a database the previous release made is adopted and keeps its rows, a second start changes nothing, instances
/// starting together migrate once, and an older image on a newer schema starts without migrating down. A database of its
/// own per test, dropped afterwards.
/// </summary>
public sealed partial class MigrationOnPostgresTests : IAsyncLifetime
{
    private readonly string _superuser = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");
    private readonly string _database = "migrations_" + Guid.NewGuid().ToString("N")[..12];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_superuser) { Database = _database }.ConnectionString;

    public Task InitializeAsync() => ExecuteAsync("postgres", $"CREATE DATABASE \"{_database}\"");

    public static TheoryData<string> Databases => ["handover", "klantbeeld", "audit", "smz", "uitkeren", "werkbedrijf", "bezwaarberoep"];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Migrations_GiveExactlyTheSchemaTheModelDescribes(string name)
    {
        var model = _database + "_model";
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{model}\"");
        try
        {
            await using (var db = Open(name, model))
            {
                await db.Database.EnsureCreatedAsync();
            }
            await StartAsync(name);

            var migrated = await SchemaDumpAsync(_database);
            migrated.ShouldContain("CREATE TABLE public.");
            // A column a later migration adds comes last in its table (the model would put it among the others), and a
            // NOT NULL one carries the default that fills the rows already there (the model has none).
            ColumnsInAnyOrder(migrated).ShouldBe(ColumnsInAnyOrder(await SchemaDumpAsync(model)));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{model}\" WITH (FORCE)");
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Upgrade_FromPreviousRelease_AdoptsTheBaseline_KeepsEveryRow_AndASecondStartChangesNothing(string name)
    {
        // As the previous release made and wrote it: its schema (kept as the Baseline migration), no history.
        List<string> migrations;
        await using (var previous = Open(name))
        {
            migrations = [.. previous.Database.GetMigrations()];
            await previous.GetService<IMigrator>().MigrateAsync(PostgresMigrations.Baseline);
            var dropHistory = $"DROP TABLE \"{PostgresMigrations.HistoryTable(name)}\"";
            await previous.Database.ExecuteSqlRawAsync(dropHistory);
            WriteARow(previous);
            await previous.SaveChangesAsync();
        }
        var schemaBefore = await SchemaAsync();

        await StartAsync(name);

        // Adopted (the baseline recorded as applied), then every later migration applied; nothing dropped.
        var adopted = await HistoryAsync(name);
        adopted[0].ShouldEndWith("_Baseline");
        adopted.ShouldBe(migrations);
        schemaBefore.ShouldBeSubsetOf(await SchemaAsync());
        await using (var upgraded = Open(name))
        {
            (await CountRowsAsync(upgraded)).ShouldBe(1);
            WriteARow(upgraded);
            await upgraded.SaveChangesAsync();
            (await CountRowsAsync(upgraded)).ShouldBe(2);
        }

        var history = await HistoryAsync(name);
        await RecordDdlAsync();
        await StartAsync(name);

        (await HistoryAsync(name)).ShouldBe(history);
        (await DdlRecordedAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task NewDatabase_TwoInstancesStartingTogether_OneMigratesTheOtherWaits_AndBothStart()
    {
        await using var holder = new NpgsqlConnection(ConnectionString);
        await holder.OpenAsync();
        var lockName = SchemaMigrator.LockNameOf(typeof(HandoverDbContext));
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock(hashtext('{lockName}'))");

        var first = Task.Run(() => MigrateAsync("handover"));
        var second = Task.Run(() => MigrateAsync("handover"));
        await Eventually.Until(WaitingForTheLockAsync, waiting => waiting == 2, what: "both instances waiting for the migration lock");
        first.IsCompleted.ShouldBeFalse();
        second.IsCompleted.ShouldBeFalse();
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock(hashtext('{lockName}'))");
        var results = await Task.WhenAll(first, second);

        results.Count(r => r.Applied.Count > 0).ShouldBe(1);
        results.Count(r => r.Applied.Count == 0).ShouldBe(1);
        await using var db = Open("handover");
        var history = await HistoryAsync("handover");
        history.ShouldBe(db.Database.GetMigrations().ToList(), "every migration applied once, in order");
        history[0].ShouldEndWith("_Baseline");
        (await ((HandoverDbContext)db).Handovers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Rollback_ToAnOlderImage_OnASchemaWithALaterMigration_StartsWithAWarning_AndMigratesNothingDown()
    {
        await StartAsync("uitkeren");
        // A later release added a column and recorded its migration; then its image was rolled back to this one.
        await ExecuteAsync(_database,
            "ALTER TABLE dossiers ADD COLUMN later_release_note text; " +
            $"INSERT INTO \"{PostgresMigrations.HistoryTable("uitkeren")}\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_LaterRelease', '10.0.4')");
        var history = await HistoryAsync("uitkeren");
        var schema = await SchemaAsync();
        var logs = new WarningLog();

        await StartAsync("uitkeren", logs);

        logs.Warnings.ShouldHaveSingleItem().ShouldContain("29991231000000_LaterRelease");
        (await HistoryAsync("uitkeren")).ShouldBe(history);
        (await SchemaAsync()).ShouldBe(schema);
    }

    [Fact]
    public async Task PartlyMadeSchema_WithoutHistory_IsRefused_AndLeftAsItIs()
    {
        await ExecuteAsync(_database, "CREATE TABLE outbox_messages (\"Id\" bigint PRIMARY KEY)");

        var refused = await Should.ThrowAsync<SchemaHistoryException>(() => StartAsync("handover"));

        refused.Message.ShouldContain("not made by the previous release");
        (await SchemaAsync()).ShouldBe(["outbox_messages.Id"]);
    }

    /// <summary>One service start as far as its database goes: the service's own initializer with its settings.</summary>
    private async Task StartAsync(string name, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection().AddLogging(l => { if (logs is not null) { l.AddProvider(logs); } });
        Register(services, name);
        await using var provider = services.BuildServiceProvider();
        foreach (var initializer in provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await initializer.StartAsync(default);
        }
    }

    private async Task<SchemaMigration> MigrateAsync(string name)
    {
        await Task.Yield();
        await using var db = Open(name);
        return await SchemaMigrator.MigrateAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);
    }

    private void Register(IServiceCollection services, string name, string? database = null)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_superuser) { Database = database ?? _database }.ConnectionString;
        switch (name)
        {
            case "handover": Add<HandoverDbContext>(services, name, connectionString); break;
            case "klantbeeld": Add<KlantbeeldDbContext>(services, name, connectionString); break;
            case "audit": Add<AuditDbContext>(services, name, connectionString); break;
            case "smz": Add<SmzDbContext>(services, name, connectionString); break;
            case "uitkeren": Add<UitkerenDbContext>(services, name, connectionString); break;
            case "werkbedrijf": Add<WerkbedrijfDbContext>(services, name, connectionString); break;
            case "bezwaarberoep": Add<BezwaarBeroepDbContext>(services, name, connectionString); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "no such database");
        }
    }

    private static void Add<TContext>(IServiceCollection services, string name, string connectionString) where TContext : DbContext
    {
        // With a retrying execution strategy, as a service may run with one: the start-up must work under it too.
        services.AddDbContext<TContext>(o => o.UseNpgsql(connectionString, npgsql =>
        {
            PostgresMigrations.Configure(npgsql, name);
            npgsql.EnableRetryOnFailure();
        }));
        services.AddSingleton(new SchemaOwner<TContext>(null, name));
        services.AddHostedService<DatabaseInitializer<TContext>>();
    }

    private DbContext Open(string name, string? database = null)
    {
        var services = new ServiceCollection().AddLogging();
        Register(services, name, database);
        var provider = services.BuildServiceProvider();
        var context = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single().GetType().GetGenericArguments()[0];
        return (DbContext)provider.CreateScope().ServiceProvider.GetRequiredService(context);
    }

    private static void WriteARow(DbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        if (db is AuditDbContext audit)
        {
            audit.Entries.Add(new AuditEntry
            {
                AuditId = Guid.NewGuid(), At = now, Subject = "employee-1", Role = "klantmanager", Team = "arnhem-noord",
                ClientId = Guid.NewGuid(), Service = "klantbeeld", Method = "/uwv.Test/Read", Fields = "name", Purpose = "upgrade",
                Outcome = "ok",
            });
            return;
        }
        ((ServiceDbContext)db).Publish(new Uwv.Contracts.Events.ClientMoved(Guid.NewGuid(), "6811AA", "6821BB", "arnhem-noord", "arnhem-zuid", "employee-1", now), now);
    }

    private static Task<int> CountRowsAsync(DbContext db) => db is AuditDbContext audit
        ? audit.Entries.CountAsync()
        : ((ServiceDbContext)db).OutboxMessages.CountAsync();

    private async Task<List<string>> HistoryAsync(string name) =>
        await QueryAsync($"SELECT \"MigrationId\" FROM \"{PostgresMigrations.HistoryTable(name)}\" ORDER BY \"MigrationId\"");

    /// <summary>Every column of every table apart from the migration history, as table.column.</summary>
    private Task<List<string>> SchemaAsync() => QueryAsync(
        "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' " +
        "AND table_name NOT LIKE '\\_\\_ef\\_migrations\\_%' ORDER BY 1");

    /// <summary>
    /// <c>pg_dump --schema-only</c> of a database without its migration history table, and without the lines that name
    /// the dump itself rather than the schema (psql's <c>\restrict</c> key of PostgreSQL 17.6 and later).
    /// </summary>
    private async Task<string> SchemaDumpAsync(string database)
    {
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
            .OrderDescending().FirstOrDefault() ?? throw new InvalidOperationException("pg_dump not found (scripts/servers.sh installs PostgreSQL)");
        var server = new NpgsqlConnectionStringBuilder(_superuser);
        var start = new System.Diagnostics.ProcessStartInfo(pgDump,
            ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=__ef_migrations_*",
             "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!, database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (server.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var dump = System.Diagnostics.Process.Start(start)!;
        var output = dump.StandardOutput.ReadToEndAsync();
        var errors = await dump.StandardError.ReadToEndAsync();
        await dump.WaitForExitAsync();
        dump.ExitCode.ShouldBe(0, errors);
        return string.Join('\n', (await output).Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A schema dump with the column lines of each CREATE TABLE sorted and without their column defaults: the same
    /// columns with the same types and nullability, whatever their order.
    /// </summary>
    private static string ColumnsInAnyOrder(string dump)
    {
        var result = new List<string>();
        var columns = new List<string>();
        var inTable = false;
        foreach (var line in dump.Split('\n'))
        {
            if (inTable && line == ");")
            {
                result.AddRange(columns.Order(StringComparer.Ordinal));
                columns.Clear();
                inTable = false;
            }
            if (inTable)
            {
                columns.Add(ColumnDefault().Replace(line.TrimEnd(','), ""));
                continue;
            }
            inTable = line.StartsWith("CREATE TABLE ", StringComparison.Ordinal);
            result.Add(line);
        }
        return string.Join('\n', result);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" DEFAULT [^ ]+(?= NOT NULL$)")]
    private static partial System.Text.RegularExpressions.Regex ColumnDefault();

    private Task<List<string>> DdlRecordedAsync() => QueryAsync("SELECT tag FROM ddl_recorded");

    /// <summary>From here on every DDL statement in the database is recorded (an event trigger, as the superuser).</summary>
    private Task RecordDdlAsync() => ExecuteAsync(_database,
        "CREATE TABLE ddl_recorded (tag text NOT NULL); " +
        "CREATE FUNCTION record_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ddl_recorded VALUES (tg_tag); END $$; " +
        "CREATE EVENT TRIGGER record_ddl ON ddl_command_start EXECUTE FUNCTION record_ddl();");

    private async Task<int> WaitingForTheLockAsync()
    {
        var waiting = await QueryAsync("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND NOT granted " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        return int.Parse(waiting.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_superuser) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    /// <summary>Keeps the warnings the start-up logs.</summary>
    private sealed class WarningLog : ILoggerProvider, ILogger
    {
        public List<string> Warnings { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }
        public void Dispose()
        {
        }
    }
}
