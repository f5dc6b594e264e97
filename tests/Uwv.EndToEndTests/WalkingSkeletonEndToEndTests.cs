using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Testing;

namespace Uwv.EndToEndTests;

[Collection(RealPlatformCollection.Name)]
public sealed class WalkingSkeletonEndToEndTests(RealPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    [Fact]
    public async Task Beoordeling_TravelsThroughRabbitMqIntoRedis_AndIsReadBackThroughGateway()
    {
        var (clientId, beoordelingId) = await RegisterAndRecord();

        var picture = await WaitForBeoordelingen(clientId, 1);
        picture.Beoordelingen.Single().BeoordelingId.ShouldBe(beoordelingId);
        picture.ToString().ShouldNotContain("Medische");

        // The document really lives in the real Redis ...
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Redis);
        var stored = await redis.GetDatabase().StringGetAsync("klantbeeld:" + Guid.Parse(clientId).ToString("N"));
        stored.IsNull.ShouldBeFalse();
        stored.ToString().ShouldContain(beoordelingId);
        stored.ToString().ShouldNotContain("Medische");

        // ... and it came over the real RabbitMQ, through the klantbeeld's quorum queue.
        var factory = new ConnectionFactory { Uri = new Uri(platform.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclarePassiveAsync("klantbeeld-klantbeeld-projection");
        queue.QueueName.ShouldBe("klantbeeld-klantbeeld-projection");
        await using var probe = await connection.CreateChannelAsync();
        var redeclareAsClassic = await Should.ThrowAsync<OperationInterruptedException>(() => probe.QueueDeclareAsync(
            "klantbeeld-klantbeeld-projection", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }));
        redeclareAsClassic.Message.ShouldContain("x-queue-type");
    }

    [Fact]
    public async Task Relay_RestartedBetweenCommitAndPublish_EventArrivesExactlyOnce()
    {
        await platform.RestartAsync("smz", new Dictionary<string, string> { ["Outbox__RelayEnabled"] = "false" });
        string clientId;
        try
        {
            (clientId, _) = await RegisterAndRecord();

            // Committed in SMZ's database, but not published: the klantbeeld does not show it yet.
            (await UnsentOutboxRows("smz")).ShouldBeGreaterThan(0);
            await Task.Delay(1000);
            var before = await Klantbeeld(clientId);
            before.Beoordelingen.ShouldBeEmpty();
        }
        finally
        {
            await platform.RestartAsync("smz");
        }

        await WaitForBeoordelingen(clientId, 1);
        await Eventually.Until(() => UnsentOutboxRows("smz"), n => n == 0, what: "the relay to stamp the rows sent");
        // The dossier and the beoordeling are two events: the picture may show one a moment before the other.
        var after = await Eventually.Until(() => Klantbeeld(clientId), k => k.Dossiers.Count > 0, what: "the SMZ dossier in the picture");
        await Task.Delay(500);
        after = await Klantbeeld(clientId);
        (after.Beoordelingen.Count, after.Dossiers.Count).ShouldBe((1, 1));
    }

    [Fact]
    public async Task IndependentGrpcJsClient_ReadsKlantbeeldThroughGateway()
    {
        var (clientId, beoordelingId) = await RegisterAndRecord();
        await WaitForBeoordelingen(clientId, 1);
        var address = platform.Client.GatewayGrpc.Authority;
        var script = Path.Combine(RepoPaths.Root, "tests", "grpc-js", "klantbeeld-client.mjs");
        var start = new ProcessStartInfo("node", [script, address, platform.Client.TokenFor(Arts), clientId])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = await node.StandardOutput.ReadToEndAsync();
        var stderr = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        node.ExitCode.ShouldBe(0, stderr);

        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("unauthenticated").GetInt32().ShouldBe((int)StatusCode.Unauthenticated);
        var klantbeeld = json.RootElement.GetProperty("klantbeeld");
        klantbeeld.GetProperty("client_id").GetString().ShouldBe(clientId);
        klantbeeld.GetProperty("beoordelingen")[0].GetProperty("beoordeling_id").GetString().ShouldBe(beoordelingId);
        // Without a purpose: INVALID_ARGUMENT, and the field decoded by grpc-js from the google.rpc.Status trailer.
        var invalid = json.RootElement.GetProperty("invalid");
        (invalid.GetProperty("code").GetInt32(), invalid.GetProperty("field").GetString()).ShouldBe(((int)StatusCode.InvalidArgument, "purpose"));
    }

    [Fact]
    public async Task CallWithoutToken_ThroughGateway_IsUnauthenticated()
    {
        var ex = await Should.ThrowAsync<RpcException>(() =>
            platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = Guid.NewGuid().ToString(), Purpose = "dossierbehandeling" }).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    private async Task<(string ClientId, string BeoordelingId)> RegisterAndRecord()
    {
        var client = platform.Client;
        var registered = await client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Els Visser", DateOfBirth = "1972-12-01", Postcode = TestData.NoordPostcode,
        }, client.As(Arts));
        await Eventually.Until(() => Klantbeeld(registered.ClientId), _ => true, what: "the registration in the klantbeeld");
        var recorded = await client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = registered.ClientId,
            Type = BeoordelingType.WiaClaimbeoordeling,
            AoKlasse = AoKlasse._80100Wga,
            FmlSummary = "Beperkt in tillen en staan",
            DecisionDate = "2026-11-02",
            MedicalNotes = "Medische gegevens blijven bij SMZ",
        }, client.As(Arts));
        return (registered.ClientId, recorded.BeoordelingId);
    }

    private async Task<Uwv.Contracts.Klantbeeld.V1.Klantbeeld> Klantbeeld(string clientId) =>
        (await platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "e2e" }, platform.Client.As(Arts))).Klantbeeld;

    private Task<Uwv.Contracts.Klantbeeld.V1.Klantbeeld> WaitForBeoordelingen(string clientId, int count) =>
        Eventually.Until(() => Klantbeeld(clientId), k => k.Beoordelingen.Count >= count, TimeSpan.FromSeconds(30), "the beoordeling in the klantbeeld");

    private async Task<long> UnsentOutboxRows(string service)
    {
        await using var connection = new Npgsql.NpgsqlConnection(platform.DatabaseOf(service));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from outbox_messages where \"SentAt\" is null", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
