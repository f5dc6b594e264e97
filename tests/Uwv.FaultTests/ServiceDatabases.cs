using Npgsql;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.FaultTests;

/// <summary>
/// Reads the run's service databases directly (never through the services), the way an auditor would: outboxes,
/// inboxes and the facts each service committed. No connection pooling, so a restarted PostgreSQL costs no stale connections.
/// </summary>
public sealed class ServiceDatabases(ProcessPlatform platform)
{
    /// <summary>The database of each division, by its code.</summary>
    public static readonly IReadOnlyDictionary<DivisionCode, string> DivisionServices = new Dictionary<DivisionCode, string>
    {
        [DivisionCode.Smz] = "smz",
        [DivisionCode.Werkbedrijf] = "werkbedrijf",
        [DivisionCode.Uitkeren] = "uitkeren",
        [DivisionCode.BezwaarBeroep] = "bezwaarberoep",
    };

    public async Task<List<T>> QueryAsync<T>(string service, string sql, Func<NpgsqlDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(service);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public async Task<long> CountAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(service);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ExecuteAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(service);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a statement on the server's maintenance database (e.g. ALTER DATABASE of a service's database).</summary>
    public async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{platform.Postgres};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public string DatabaseName(string service) => $"{platform.RunId}_{service}";

    public Task<long> UnsentOutboxRowsAsync(string service) =>
        CountAsync(service, "select count(*) from outbox_messages where \"SentAt\" is null");

    /// <summary>Every event a service committed, in commit order, as the bus message record.</summary>
    public Task<List<StoredEvent>> EventsAsync(string service) =>
        QueryAsync(service, "select \"Id\", \"MessageId\", \"MessageType\", \"Payload\" from outbox_messages order by \"Id\"",
            r => new StoredEvent(r.GetInt64(0), r.GetGuid(1), r.GetString(2), EventTypes.Deserialize(r.GetString(2), r.GetString(3))));

    /// <summary>Inbox rows per consumer name.</summary>
    public async Task<Dictionary<string, long>> InboxAsync(string service) =>
        (await QueryAsync(service, "select \"Consumer\", count(*) from inbox_messages group by \"Consumer\"", r => (r.GetString(0), r.GetInt64(1))))
            .ToDictionary(x => x.Item1, x => x.Item2);

    private async Task<NpgsqlConnection> OpenAsync(string service)
    {
        var connection = new NpgsqlConnection($"{platform.DatabaseOf(service)};Pooling=false;Timeout=5;Command Timeout=30");
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}

/// <summary>One committed event as a service's outbox holds it.</summary>
public sealed record StoredEvent(long Id, Guid MessageId, string Type, object Event);
