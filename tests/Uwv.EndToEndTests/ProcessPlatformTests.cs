using Npgsql;
using Uwv.Testing;

namespace Uwv.EndToEndTests;

/// <summary>The test platform cleans up after itself on the real PostgreSQL server.</summary>
public sealed class ProcessPlatformTests
{
    private readonly string _postgres = Environment.GetEnvironmentVariable("UWV_POSTGRES")
        ?? throw new InvalidOperationException("UWV_POSTGRES is not set: run the tests through scripts/test.sh");

    [Fact]
    public async Task Dispose_DropsTheRunsDatabases_AndNoOtherRunsDatabases()
    {
        var runId = "pp" + Guid.NewGuid().ToString("N")[..10];
        var otherRun = runId + "1"; // shares the run id as a prefix, but not "<run id>_"
        await CreateAsync($"{runId}_smz", $"{runId}_handover", $"{otherRun}_smz");
        try
        {
            new ProcessPlatform(runId, "amqp://127.0.0.1/", "127.0.0.1:6379", _postgres).Dispose();

            (await ExistingAsync(runId, otherRun)).ShouldBe([$"{otherRun}_smz"]);
        }
        finally
        {
            new ProcessPlatform(otherRun, "amqp://127.0.0.1/", "127.0.0.1:6379", _postgres).Dispose();
        }
        (await ExistingAsync(runId, otherRun)).ShouldBeEmpty();
    }

    private async Task CreateAsync(params string[] names)
    {
        await using var connection = await OpenAsync();
        foreach (var name in names)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private async Task<List<string>> ExistingAsync(params string[] runs)
    {
        await using var connection = await OpenAsync();
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @a OR datname LIKE @b ORDER BY datname", connection);
        list.Parameters.AddWithValue("a", runs[0] + "%");
        list.Parameters.AddWithValue("b", runs[1] + "%");
        var names = new List<string>();
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection($"{_postgres};Database=postgres");
        await connection.OpenAsync();
        return connection;
    }
}
