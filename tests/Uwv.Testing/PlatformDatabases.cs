using Npgsql;

namespace Uwv.Testing;

/// <summary>
/// Creates a run's databases on the PostgreSQL server before the services start, each owned by its service's role and
/// reachable by no other (CONNECT revoked from PUBLIC). The audit database is owned by the audit owner role; its writer
/// gets INSERT and SELECT on the tables the owner creates, the retention role SELECT and DELETE (decision 0020).
/// </summary>
public static class PlatformDatabases
{
    public const string Audit = "audit";

    public static void Create(string superuser, string prefix)
    {
        using (var server = Open(superuser, "postgres"))
        {
            RequireRoles(server);
            foreach (var service in ServiceAccounts.Services)
            {
                CreateDatabase(server, prefix + service, ServiceAccounts.PostgresRole(service), []);
            }
            CreateDatabase(server, prefix + Audit, ServiceAccounts.AuditOwner, [ServiceAccounts.AuditWriter, ServiceAccounts.AuditRetention]);
        }
        using var audit = Open(superuser, prefix + Audit);
        Execute(audit,
            $"ALTER DEFAULT PRIVILEGES FOR ROLE {ServiceAccounts.AuditOwner} IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO {ServiceAccounts.AuditWriter}; " +
            $"ALTER DEFAULT PRIVILEGES FOR ROLE {ServiceAccounts.AuditOwner} IN SCHEMA public GRANT SELECT, DELETE ON TABLES TO {ServiceAccounts.AuditRetention};");
    }

    private static void RequireRoles(NpgsqlConnection server)
    {
        string[] roles = [.. ServiceAccounts.Services.Select(ServiceAccounts.PostgresRole), ServiceAccounts.AuditOwner, ServiceAccounts.AuditWriter, ServiceAccounts.AuditRetention];
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = ANY(@roles)", server);
        command.Parameters.AddWithValue("roles", roles);
        if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != roles.Length)
        {
            throw new InvalidOperationException("The services' PostgreSQL roles are missing: run `bash scripts/servers.sh accounts` (or start).");
        }
    }

    private static void CreateDatabase(NpgsqlConnection server, string name, string owner, IReadOnlyList<string> connectors)
    {
        var quoted = Quote(name);
        using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server))
        {
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                Execute(server, $"CREATE DATABASE {quoted} OWNER {owner}");
            }
        }
        Execute(server, $"REVOKE ALL ON DATABASE {quoted} FROM PUBLIC");
        foreach (var role in connectors)
        {
            Execute(server, $"GRANT CONNECT ON DATABASE {quoted} TO {role}");
        }
    }

    private static NpgsqlConnection Open(string superuser, string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { Database = database, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
