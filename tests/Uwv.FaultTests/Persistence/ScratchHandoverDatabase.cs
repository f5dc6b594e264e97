using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>A migrated handover database of its own on the test PostgreSQL server, dropped at the end.</summary>
public sealed class ScratchHandoverDatabase(string prefix) : IAsyncLifetime
{
    private readonly string _superuser = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");
    private readonly string _database = prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_superuser) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{_database}\"");
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    /// <summary>A context as the service opens it (its execution strategy included), with extra interceptors.</summary>
    public HandoverDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>()
            .UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(interceptors).Options);

    /// <summary>Runs SQL as the superuser in this database.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(_database, sql);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_superuser) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
