using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Uwv.Testing;

namespace Uwv.EndToEndTests;

/// <summary>
/// Each service's accounts on the real servers reach only what the service needs (decision 0020): its own database,
/// the audit store append-only, and on the broker its own queues and the exchanges it uses, audit records only for
/// the services that may publish them.
/// </summary>
[Collection(RealPlatformCollection.Name)]
public sealed class LeastPrivilegeEndToEndTests(RealPlatformFixture platform)
{
    private const string InsufficientPrivilege = "42501";
    private const string AuditExchange = "Uwv.Contracts.Events:PersonalDataAccessedBatch";
    private const ushort AccessRefused = 403;

    private string AuditDatabase => $"{platform.RunId}_{PlatformDatabases.Audit}";

    [Theory]
    [InlineData("UPDATE audit_entries SET \"Outcome\" = 'allowed' WHERE false")]
    [InlineData("DELETE FROM audit_entries WHERE false")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task AuditWriter_CannotChangeOrRemoveAuditEntries(string statement)
    {
        var refused = await Should.ThrowAsync<PostgresException>(() => Execute(ServiceAccounts.AuditWriter, AuditDatabase, statement));

        refused.SqlState.ShouldBe(InsufficientPrivilege);
    }

    [Fact]
    public async Task AuditWriter_MayInsertAndRead()
    {
        await Execute(ServiceAccounts.AuditWriter, AuditDatabase, "SELECT count(*) FROM audit_entries");
        // The insert rights are checked when the statement starts; no row is written.
        await Execute(ServiceAccounts.AuditWriter, AuditDatabase, "INSERT INTO audit_entries SELECT * FROM audit_entries WHERE false");
    }

    [Fact]
    public async Task AuditRetention_MayDeleteButNotUpdate()
    {
        await Execute(ServiceAccounts.AuditRetention, AuditDatabase, "DELETE FROM audit_entries WHERE false");

        var update = await Should.ThrowAsync<PostgresException>(() =>
            Execute(ServiceAccounts.AuditRetention, AuditDatabase, "UPDATE audit_entries SET \"Outcome\" = 'allowed' WHERE false"));
        update.SqlState.ShouldBe(InsufficientPrivilege);
    }

    [Theory]
    [InlineData("handover", "smz")]
    [InlineData("handover", PlatformDatabases.Audit)]
    [InlineData("klantbeeld", "smz")]
    [InlineData("klantbeeld", PlatformDatabases.Audit)]
    [InlineData("smz", "uitkeren")]
    public async Task ServiceRole_CannotConnectToAnotherDatabase(string service, string database)
    {
        var refused = await Should.ThrowAsync<PostgresException>(() =>
            Execute(ServiceAccounts.PostgresRole(service), $"{platform.RunId}_{database}", "SELECT 1"));

        refused.SqlState.ShouldBe(InsufficientPrivilege);
    }

    [Fact]
    public async Task ServiceRole_ConnectsToItsOwnDatabase() =>
        await Execute(ServiceAccounts.PostgresRole("smz"), $"{platform.RunId}_smz", "SELECT count(*) FROM outbox_messages");

    [Fact]
    public async Task AuditPublisher_CannotBypassTheAuditExchangeToKlantbeeldsQueues()
    {
        ServiceAccounts.AuditPublishers.ShouldContain("smz");

        var reason = await PublishRefusal("smz", "klantbeeld-audit");

        reason.ShouldBe(AccessRefused);
    }

    [Fact]
    public async Task ServiceUser_OtherThanKlantbeeld_CannotSubscribeToAuditRecords()
    {
        await using var connection = await Broker("smz");
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"smz-probe-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);

        var refused = await Should.ThrowAsync<OperationInterruptedException>(() => channel.QueueBindAsync(queue, AuditExchange, ""));

        refused.ShutdownReason!.ReplyCode.ShouldBe(AccessRefused);
    }

    private async Task Execute(string role, string database, string sql)
    {
        var login = ServiceAccounts.PostgresLogin(platform.Postgres, role, database);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(login) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<IConnection> Broker(string service) =>
        new ConnectionFactory { Uri = new Uri(ServiceAccounts.RabbitMqLogin(platform.RabbitMq, service)) }.CreateConnectionAsync();

    /// <summary>Publishes an empty message with publisher confirms and returns the code the broker closed the channel with.</summary>
    private async Task<ushort> PublishRefusal(string service, string exchange)
    {
        await using var connection = await Broker(service);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await channel.BasicPublishAsync(exchange, "", mandatory: false, new BasicProperties(), ReadOnlyMemory<byte>.Empty);
        }
        catch (RabbitMQClientException)
        {
            return channel.CloseReason!.ReplyCode;
        }
        throw new ShouldAssertException($"{ServiceAccounts.RabbitMqUser(service)} published to {exchange} and the broker accepted it");
    }
}
