using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Uwv.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The category of ASP.NET Core's request logging, whose being on makes it start an Activity per request.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Traces and metrics for ASP.NET Core, gRPC clients, HttpClient (YARP), MassTransit, Npgsql and the platform's own
    /// source, exported with OTLP when OTEL_EXPORTER_OTLP_ENDPOINT (or Telemetry:OtlpEndpoint) is set. Without an
    /// endpoint nothing is recorded at all (no tracer or meter provider, so no span costs anything), unless
    /// Telemetry:Enabled asks for it (a test that brings its own exporter).
    /// </summary>
    public static IHostApplicationBuilder AddUwvTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var export = !string.IsNullOrWhiteSpace(endpoint);
        if (!builder.Configuration.GetValue("Telemetry:Enabled", export))
        {
            // ASP.NET Core starts an Activity for every request whenever its hosting logger is on at any level, listener
            // or not, and HttpClient then writes its traceparent into every outgoing call. Without a tracer nothing
            // reads either. That logger writes request logs (Information, below the platform's level) and a start-up
            // failure, which the host logs again as it stops.
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
            return builder;
        }
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(UwvTelemetry.Name)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsProbe(ctx.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter(UwvTelemetry.Name)
                .AddMeter("MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation());
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetric>();
        if (export)
        {
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint!));
        }
        return builder;
    }

    /// <summary>
    /// The cluster's probes (the gRPC health service) and monitoring's /healthz: called every few seconds by every
    /// kubelet, they would bury the traces of real calls.
    /// </summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/grpc.health.v1.Health");
}
