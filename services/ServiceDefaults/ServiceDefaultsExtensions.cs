using System.Net;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Grpc;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Maximum gRPC message size in and out (documented in docs/api.md).</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    /// <summary>Calls each gRPC service of a process serves at once before it refuses more (Grpc:MaxCallsInFlight).</summary>
    public const int DefaultMaxCallsInFlight = 128;

    /// <summary>The health check that says the process serves; the only one behind the gRPC health service.</summary>
    private const string SelfCheck = "self";

    /// <summary>
    /// Health, telemetry, authentication, gRPC with JSON transcoding and reflection. Safe to call more than once:
    /// the single-process host calls it once for all services.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(ServiceDefaultsMarker)))
        {
            return builder;
        }
        builder.Services.AddSingleton<ServiceDefaultsMarker>();
        builder.Services.AddScoped(typeof(Deferred<>));
        builder.Configuration.AddPlatformDefaults();
        builder.Configuration.AddDaprSecretStore();
        builder.AddUwvTelemetry(serviceName);
        builder.ListenOnPlatformPort(serviceName);
        builder.AddUwvAuthentication();
        builder.AddPlatformCalendar();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(Audit.AuditLog.OnTheBus);
        builder.Services.AddSingleton<Audit.AuditRecorder>();
        // Records refusals by role of audited methods, then answers gRPC callers with a gRPC status.
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, Audit.AuditingAuthorizationResultHandler>();
        builder.Services.AddSingleton(new InFlightGate(builder.Configuration.GetValue("Grpc:MaxCallsInFlight", DefaultMaxCallsInFlight)));
        builder.Services.AddGrpc(o =>
        {
            // First: a call refused for overload runs nothing else.
            o.Interceptors.Add<InFlightLimitInterceptor>();
            o.Interceptors.Add<ServedByInterceptor>();
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<Audit.AuditInterceptor>();
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
            o.EnableDetailedErrors = false;
        }).AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
            Google.Rpc.BadRequest.Descriptor, Google.Rpc.ErrorInfo.Descriptor));
        // The gRPC health service answers the cluster's probes: it reports whether this process serves, not whether the
        // broker or a database is reachable. Those concern every replica at once, and the platform rides them out (the
        // outbox keeps events, consumers reconnect); probing them would unroute and restart every pod. /healthz reports
        // every check, dependencies included, for monitoring.
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("", r => r.Name == SelfCheck))
            .AddCheck(SelfCheck, () => HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>gRPC health (grpc.health.v1), /healthz, and reflection outside production.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MalformedRequestMiddleware>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        if (!app.Environment.IsProduction())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }
        return app;
    }

    /// <summary>
    /// A service run on its own listens on its address from Services:{name} (the ports of tye.yaml) unless
    /// Urls is given. Services speak HTTP/2 without TLS (h2c). The gateway has two ports, because without TLS
    /// there is no protocol negotiation: HTTP/1.1 for browsers and JSON, and h2c for gRPC (Services:gateway-grpc).
    /// </summary>
    private static void ListenOnPlatformPort(this IHostApplicationBuilder builder, string serviceName)
    {
        if (builder.Configuration[$"Services:{serviceName}"] is null
            || !string.IsNullOrEmpty(builder.Configuration["Urls"])
            || !string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            return;
        }
        builder.Services.Configure<KestrelServerOptions>(k => k.ListenPlatformPorts(builder.Configuration, serviceName));
    }

    /// <summary>Listens on the loopback port(s) of one service of the platform.</summary>
    public static void ListenPlatformPorts(this KestrelServerOptions kestrel, IConfiguration configuration, string serviceName)
    {
        if (serviceName == "gateway")
        {
            kestrel.Listen(IPAddress.Loopback, PlatformPort(configuration, "gateway"), o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, PlatformPort(configuration, "gateway-grpc"), o => o.Protocols = HttpProtocols.Http2);
        }
        else
        {
            kestrel.Listen(IPAddress.Loopback, PlatformPort(configuration, serviceName), o => o.Protocols = HttpProtocols.Http2);
        }
    }

    public static int PlatformPort(IConfiguration configuration, string serviceName) =>
        new Uri(configuration[$"Services:{serviceName}"] ?? throw new InvalidOperationException($"Services:{serviceName} is not configured")).Port;

    private sealed class ServiceDefaultsMarker;
}
