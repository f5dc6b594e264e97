using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Handover.Data;
using Uwv.Smz.Data;
using Uwv.Testing;

namespace Uwv.IntegrationTests;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class TracingAndOutboxTests(EmbeddedPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    [Fact]
    public async Task OneTrace_FollowsRequest_FromGateway_ThroughService_AndBus_IntoProjection()
    {
        var (clientId, _) = await RegisterWithBeoordeling();
        var gatewayPort = new Uri(platform.Settings["Services:gateway-grpc"]!).Port;
        var smzPort = new Uri(platform.Settings["Services:smz"]!).Port;

        var spans = await Eventually.Until(
            () => Task.FromResult(Snapshot()),
            all => TraceOfRecord(all, gatewayPort) is { } trace && all.Any(a => a.TraceId == trace && Names(a, "KlantbeeldProjectionConsumer")),
            what: "the klantbeeld projection's span in the gateway's trace");

        var traceId = TraceOfRecord(spans, gatewayPort)!.Value;
        var trace = spans.Where(a => a.TraceId == traceId).ToList();
        trace.ShouldContain(a => a.Kind == ActivityKind.Server && Port(a) == smzPort, "the SMZ service span");
        trace.ShouldContain(a => a.Source.Name == "Uwv" && a.DisplayName == "outbox publish BeoordelingRecorded", "the outbox relay span");
        trace.ShouldContain(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer, "the bus delivery span");
        trace.ShouldContain(a => a.Source.Name == "MassTransit" && Names(a, "KlantbeeldProjectionConsumer"),
            "the klantbeeld projection's consume span; the trace has: " + string.Join("; ", trace.Select(Describe)));
        clientId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Relay_CrashAfterPublishBeforeMarkingSent_RepublishesAndKlantbeeldShowsEventOnce()
    {
        var (clientId, beoordelingId) = await RegisterWithBeoordeling();
        var dossierOpened = await platform.InScope<SmzDbContext, Uwv.ServiceDefaults.Outbox.OutboxMessage>(db =>
            db.OutboxMessages.SingleAsync(m => m.MessageType == "DossierOpened" && m.Payload.Contains(clientId)));
        await Eventually.Until(() => HandoverInboxCount(dossierOpened.MessageId), n => n == 1, what: "handover consumed DossierOpened");

        // The relay published, then "crashed" before its SentAt stamp committed: the rows look unsent again.
        await platform.InScope<SmzDbContext, int>(db => db.OutboxMessages
            .Where(m => m.Payload.Contains(clientId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null)));

        await Eventually.Until(
            () => platform.InScope<SmzDbContext, bool>(db => db.OutboxMessages.Where(m => m.Payload.Contains(clientId)).AllAsync(m => m.SentAt != null)),
            sent => sent, what: "the relay to publish the rows again");
        await Task.Delay(500);

        var picture = await platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" }, platform.Client.As(Arts));
        picture.Klantbeeld.Beoordelingen.ShouldHaveSingleItem().BeoordelingId.ShouldBe(beoordelingId);
        picture.Klantbeeld.Dossiers.Count.ShouldBe(1);
        (await HandoverInboxCount(dossierOpened.MessageId)).ShouldBe(1);
        (await platform.InScope<HandoverDbContext, int>(db => db.Dossiers.CountAsync(d => d.ClientId == Guid.Parse(clientId)))).ShouldBe(1);
    }

    private Task<int> HandoverInboxCount(Guid messageId) =>
        platform.InScope<HandoverDbContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId));

    private async Task<(string ClientId, string BeoordelingId)> RegisterWithBeoordeling()
    {
        var client = platform.Client;
        var registered = await client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Dirk Smit", DateOfBirth = "1981-09-09", Postcode = TestData.NoordPostcode,
        }, client.As(Arts));
        var recorded = await client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = registered.ClientId,
            Type = BeoordelingType.Herbeoordeling,
            AoKlasse = AoKlasse.Iva,
            FmlSummary = "Geen benutbare mogelijkheden",
            DecisionDate = "2026-09-15",
        }, client.As(Arts));
        await Eventually.Until(
            () => client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "dossierbehandeling" }, client.As(Arts)).ResponseAsync,
            r => r.Klantbeeld.Beoordelingen.Count == 1, what: "the beoordeling in the klantbeeld");
        return (registered.ClientId, recorded.BeoordelingId);
    }

    private List<Activity> Snapshot()
    {
        lock (platform.Spans)
        {
            return [.. platform.Spans];
        }
    }

    private static ActivityTraceId? TraceOfRecord(List<Activity> spans, int gatewayPort) =>
        spans.LastOrDefault(a => a.Kind == ActivityKind.Server && Port(a) == gatewayPort
            && (a.GetTagItem("url.path") as string)?.EndsWith("/RecordBeoordeling", StringComparison.Ordinal) == true)?.TraceId;

    private static bool Names(Activity a, string what) =>
        a.DisplayName.Contains(what, StringComparison.Ordinal) || a.TagObjects.Any(t => t.Value?.ToString()?.Contains(what, StringComparison.Ordinal) == true);

    private static string Describe(Activity a) =>
        $"{a.Source.Name} {a.Kind} '{a.DisplayName}' [{string.Join(", ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]";

    private static int? Port(Activity a) => a.GetTagItem("server.port") is int p ? p : null;
}
