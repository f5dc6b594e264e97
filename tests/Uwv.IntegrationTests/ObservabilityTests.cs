using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Uwv.Host;
using Uwv.ServiceDefaults.Telemetry;
using Uwv.Testing;

namespace Uwv.IntegrationTests;

/// <summary>What monitoring sees: /healthz with each dependency, no probe calls among the traces, the outbox backlog gauge.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ObservabilityTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Healthz_ReportsEveryDatabaseAndTheBus()
    {
        using var http = platform.Client.Http();
        using var response = await http.GetAsync("/healthz");
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.IsSuccessStatusCode.ShouldBeTrue(report.ToJsonString());
        var checks = report["checks"]!.AsObject();
        var expected = EmbeddedPlatform.Services.Append("audit").Select(s => $"database-{s}").ToList();
        expected.Where(c => !checks.ContainsKey(c)).ShouldBeEmpty("a database without a check in /healthz");
        expected.ShouldAllBe(c => checks[c]!["status"]!.GetValue<string>() == "Healthy");
        checks.ContainsKey("masstransit-bus").ShouldBeTrue("the bus's own check, RabbitMQ in a cluster");
    }

    [Fact]
    public async Task ProbeCalls_LeaveNoSpans_WhileRealCallsDo()
    {
        using var http = platform.Client.Http();
        (await http.GetAsync("/healthz")).IsSuccessStatusCode.ShouldBeTrue();
        using var channel = GrpcChannel.ForAddress(platform.Client.GatewayGrpc);
        (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        var marker = Guid.NewGuid().ToString();
        using var authorized = platform.Client.Http("verzekeringsarts.arnhem-noord");
        await authorized.GetAsync($"/api/v1/clients/{marker}");

        // The real call's span is recorded after the probes' would have been: once it is there, theirs would be too.
        var spans = await Eventually.Until(() => Task.FromResult(Snapshot()),
            all => all.Any(a => Path(a)?.EndsWith(marker, StringComparison.Ordinal) == true), what: "the span of the real call");

        spans.Where(a => Path(a) is { } p && TelemetryExtensions.IsProbe(new Microsoft.AspNetCore.Http.PathString(p)))
            .Select(Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task OutboxBacklog_IsAGauge_PerServiceWithAnOutbox()
    {
        // The first collection starts each count; a later one reports it.
        var backlog = await Eventually.Until(() => Task.FromResult(Gauge(OutboxBacklogMetric.Name, "service")),
            values => EmbeddedPlatform.Services.All(values.ContainsKey), what: "a backlog for every service");

        backlog.Values.ShouldAllBe(v => v >= 0);
    }

    [Fact]
    public async Task HealthChecks_ReachMonitoringAsAGauge_PerCheck()
    {
        // ASP.NET Core's publisher runs the checks 5 s after start, then every 30 s.
        var health = await Eventually.Until(() => Task.FromResult(Gauge(HealthMetric.Name, "check")),
            values => values.ContainsKey("database-smz") && values.ContainsKey("masstransit-bus"),
            timeout: TimeSpan.FromSeconds(60), what: "the health gauge");

        health["database-smz"].ShouldBe((int)Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
    }

    /// <summary>One collection of an observable gauge of the meter Uwv: the last value per value of one tag.</summary>
    private static Dictionary<string, long> Gauge(string name, string tag)
    {
        var values = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == UwvTelemetry.Name && instrument.Name == name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var t in tags)
            {
                if (t.Key == tag && t.Value is string key)
                {
                    values[key] = value;
                }
            }
        }
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Record(value, tags));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private List<Activity> Snapshot()
    {
        lock (platform.Spans)
        {
            return [.. platform.Spans];
        }
    }

    private static string? Path(Activity a) => a.Kind == ActivityKind.Server ? a.GetTagItem("url.path") as string : null;
}
