using Npgsql;

namespace Uwv.Testing;

/// <summary>
/// The accounts of each service on the real servers, as scripts/servers.sh creates them (decision 0020): a PostgreSQL
/// role per service that owns only its own database, three roles for the audit store in klantbeeld's audit database, and
/// a RabbitMQ user per service (password the same as the name, on loopback test servers only, like guest/guest).
/// </summary>
public static class ServiceAccounts
{
    /// <summary>The processes with a database and a bus connection (the gateway has neither).</summary>
    public static readonly IReadOnlyList<string> Services = ["smz", "werkbedrijf", "uitkeren", "bezwaarberoep", "handover", "klantbeeld"];

    /// <summary>The services that may publish audit records (AUDIT_PUBLISHERS in scripts/servers.sh).</summary>
    public static readonly IReadOnlyList<string> AuditPublishers = ["smz", "werkbedrijf", "uitkeren", "bezwaarberoep", "handover", "klantbeeld"];

    /// <summary>Creates the audit store's schema; its login is used only for that.</summary>
    public const string AuditOwner = "uwv_audit_owner";

    /// <summary>The audit store's working login: INSERT and SELECT only.</summary>
    public const string AuditWriter = "uwv_audit_writer";

    /// <summary>The retention job's login (ConnectionStrings:AuditRetention): SELECT and DELETE.</summary>
    public const string AuditRetention = "uwv_audit_retention";

    public static string PostgresRole(string service) => "uwv_" + service;

    public static string RabbitMqUser(string service) => "uwv-" + service;

    /// <summary>A connection string of the server in <paramref name="server"/> for another login (and database).</summary>
    public static string PostgresLogin(string server, string role, string? database = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Username = role, Password = null };
        if (database is not null)
        {
            builder.Database = database;
        }
        return builder.ConnectionString;
    }

    /// <summary>The broker address in <paramref name="broker"/> with the service's own user.</summary>
    public static string RabbitMqLogin(string broker, string service) =>
        new UriBuilder(broker) { UserName = RabbitMqUser(service), Password = RabbitMqUser(service) }.Uri.ToString();
}
