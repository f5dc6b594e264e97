using Npgsql;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// A test class with a PostgreSQL database of its own on the real server (<c>UWV_POSTGRES</c>): created before the
/// class's tests, prepared by <see cref="PrepareAsync"/>, dropped after them.
/// </summary>
public abstract class OwnDatabase(string prefix) : IAsyncLifetime
{
    private readonly string _superuser = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");

    protected string Database { get; } = prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    protected string ConnectionString => ConnectionTo(Database);

    public async Task InitializeAsync()
    {
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{Database}\"");
        await PrepareAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
    }

    /// <summary>Makes the schema (and whatever else every test of the class needs).</summary>
    protected abstract Task PrepareAsync();

    protected async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(_superuser) { Database = database }.ConnectionString;
}
