using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Uwv.FaultTests.Servers;

namespace Uwv.FaultTests.Faults;

/// <summary>
/// Replaying an error queue moves messages that may hold personal data, so scripts/replay-errors.sh audits it before it
/// moves anything: a record naming the operator, the queue and the count goes to the audit exchange, confirmed by the
/// broker. Without an operator name, or without an audit store to take the record, nothing moves. On a virtual host
/// of its own, without the platform (the end-to-end check, through the real audit store, is in
/// <see cref="PoisonMessageTests"/>).
/// </summary>
public sealed class ReplayAuditTests : IAsyncLifetime
{
    private const string Queue = "uitkeren-replay-audit";
    private const string ErrorQueue = Queue + "_error";
    private const string AuditExchange = "Uwv.Contracts.Events:PersonalDataAccessedBatch";
    private const string AuditTap = "replay-audit-tap";
    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "replay-errors.sh");

    private readonly string _virtualHost = "replayaudit" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
    private string _uri = "";

    public async Task InitializeAsync()
    {
        await ManagedServers.EnsureManagedAsync();
        _uri = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ") ?? throw new InvalidOperationException("UWV_RABBITMQ is not set"))
            { Path = "/" + _virtualHost }.Uri.ToString();
        await ManagedServers.RabbitMqCtlAsync("add_vhost", _virtualHost);
        await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", _virtualHost, "guest", ".*", ".*", ".*");
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false);
        for (var i = 0; i < 2; i++)
        {
            await channel.BasicPublishAsync("", ErrorQueue, mandatory: false, new BasicProperties { MessageId = Guid.NewGuid().ToString() },
                Encoding.UTF8.GetBytes("{\"message\":{}}"));
        }
    }

    public async Task DisposeAsync() => await ManagedServers.RabbitMqCtlAsync("delete_vhost", _virtualHost);

    [Fact]
    public async Task Replay_WithoutAnOperatorName_IsRefused_AndMovesNothing()
    {
        await BindAuditTapAsync();
        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => Shell.RunAsync(Script, [Queue, "--uri", _uri], TimeSpan.FromSeconds(60)));
        refusal.Message.ShouldContain("exit code 2");
        refusal.Message.ShouldContain("--by");
        (await CountAsync(ErrorQueue)).ShouldBe(2u);
        (await CountAsync(AuditTap)).ShouldBe(0u);
    }

    [Fact]
    public async Task Replay_WhenNoAuditStoreTakesTheRecord_MovesNothing()
    {
        // No audit exchange at all: the record has nowhere to go.
        var missing = await Should.ThrowAsync<InvalidOperationException>(() => ReplayAsync("operator.piet"));
        missing.Message.ShouldContain("the audit record was not accepted");
        (await CountAsync(ErrorQueue)).ShouldBe(2u);
        (await CountAsync(Queue)).ShouldBe(0u);

        // The exchange exists but nothing is bound to it (the audit store is not consuming): unroutable, refused.
        await using (var connection = await ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(AuditExchange, ExchangeType.Fanout, durable: true);
        }
        var unrouted = await Should.ThrowAsync<InvalidOperationException>(() => ReplayAsync("operator.piet"));
        unrouted.Message.ShouldContain("the audit record was not accepted");
        (await CountAsync(ErrorQueue)).ShouldBe(2u);
        (await CountAsync(Queue)).ShouldBe(0u);
    }

    [Fact]
    public async Task Replay_PublishesItsAuditRecord_ThenMovesTheMessages()
    {
        await BindAuditTapAsync();
        var output = await ReplayAsync("operator.piet", "--reason", "database of uitkeren restored");
        output.ShouldContain($"moved 2 of 2 messages from {ErrorQueue} to {Queue}");
        (await CountAsync(Queue)).ShouldBe(2u);
        (await CountAsync(ErrorQueue)).ShouldBe(0u);

        using var envelope = JsonDocument.Parse(await TakeAsync(AuditTap));
        var root = envelope.RootElement;
        root.GetProperty("messageType")[0].GetString().ShouldBe("urn:message:" + AuditExchange);
        var record = root.GetProperty("message").GetProperty("records").EnumerateArray().ShouldHaveSingleItem();
        record.GetProperty("subject").GetString().ShouldBe("operator.piet");
        record.GetProperty("method").GetString().ShouldBe("ReplayErrorQueue");
        record.GetProperty("outcome").GetString().ShouldBe("allowed");
        record.GetProperty("clientId").ValueKind.ShouldBe(JsonValueKind.Null);
        record.GetProperty("purpose").GetString().ShouldBe($"2 messages from {ErrorQueue} to {Queue}; reason: database of uitkeren restored");
    }

    private Task<string> ReplayAsync(string by, params string[] more) =>
        Shell.RunAsync(Script, [Queue, "--by", by, "--uri", _uri, .. more], TimeSpan.FromSeconds(180));

    /// <summary>A queue bound to the audit exchange stands in for the audit store's consumer.</summary>
    private async Task BindAuditTapAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(AuditExchange, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(AuditTap, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(AuditTap, AuditExchange, "");
    }

    private async Task<uint> CountAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    private async Task<string> TakeAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var message = await channel.BasicGetAsync(queue, autoAck: true) ?? throw new InvalidOperationException($"{queue} is empty");
        return Encoding.UTF8.GetString(message.Body.Span);
    }

    private Task<IConnection> ConnectAsync() => new ConnectionFactory { Uri = new Uri(_uri) }.CreateConnectionAsync();
}
