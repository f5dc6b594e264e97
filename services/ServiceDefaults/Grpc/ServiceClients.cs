using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Dapr;

namespace Uwv.ServiceDefaults.Grpc;

public static class ServiceClients
{
    /// <summary>Connections to another service are replaced at least this often, so a long-lived channel follows new pods.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Retries of an idempotent method: at most three attempts in all, only on UNAVAILABLE (the call did not reach a
    /// service that could answer), with a short jittered back-off; the call's deadline still bounds the whole.
    /// </summary>
    public static RetryPolicy IdempotentRetry() => new()
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        BackoffMultiplier = 2,
        RetryableStatusCodes = { StatusCode.Unavailable },
    };

    /// <summary>
    /// A gRPC client for another service of the platform. With a Dapr sidecar present (DAPR_GRPC_PORT set), calls go
    /// to the sidecar with the target's app id (<c>dapr-app-id</c>): the sidecars balance them over the target's pods
    /// with mTLS. Without one, directly to Services:{name}; a comma-separated list of addresses there is balanced
    /// round robin per call. Either way the caller's bearer token travels along (the called service authorizes the
    /// original employee), the incoming call's deadline and cancellation are propagated, and the listed
    /// <paramref name="idempotent"/> methods are retried on UNAVAILABLE by gRPC's own retry policy (docs/decisions/0027).
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(
        this IHostApplicationBuilder builder, string service, params MethodDescriptor[] idempotent)
        where TClient : ClientBase
    {
        var sidecar = DaprSidecar.Detect(builder.Configuration);
        var addresses = sidecar is null ? Addresses(builder.Configuration, service) : [];
        builder.Services.AddHttpContextAccessor();
        if (addresses.Count > 1)
        {
            // One static resolver serves every balanced client: it looks the service up by the host name of "static:///{service}".
            builder.Services.TryAddSingleton<ResolverFactory>(sp => new StaticResolverFactory(uri =>
                Addresses(sp.GetRequiredService<IConfiguration>(), uri.AbsolutePath.Trim('/')).Select(a => new BalancerAddress(a.Host, a.Port))));
        }
        return builder.Services
            .AddGrpcClient<TClient>(o => o.Address = sidecar?.GrpcEndpoint ?? (addresses.Count > 1 ? new Uri($"static:///{service}") : addresses[0]))
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .AddCallCredentials((_, metadata, sp) =>
            {
                var authorization = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Headers.Authorization.ToString();
                if (!string.IsNullOrEmpty(authorization))
                {
                    metadata.Add("authorization", authorization);
                }
                if (sidecar is not null)
                {
                    DaprInvocation.AddTarget(metadata, service, sidecar);
                }
                return Task.CompletedTask;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = ConnectionLifetime,
                EnableMultipleHttp2Connections = true,
            })
            .ConfigureChannel(o =>
            {
                o.UnsafeUseInsecureChannelCallCredentials = true;
                o.ServiceConfig = ServiceConfig(addresses.Count > 1, idempotent);
                if (addresses.Count > 1)
                {
                    // A resolver address has no scheme to tell TLS from h2c; the listed addresses do.
                    o.Credentials = addresses.All(a => a.Scheme == Uri.UriSchemeHttp) ? ChannelCredentials.Insecure : ChannelCredentials.SecureSsl;
                }
            });
    }

    /// <summary>The methods of a generated service that are safe to send twice (reads), for <see cref="AddServiceClient{TClient}"/>.</summary>
    public static MethodDescriptor[] Idempotent(Google.Protobuf.Reflection.ServiceDescriptor service, params string[] methods) =>
        methods.Select(m => service.FindMethodByName(m) ?? throw new ArgumentException($"{service.FullName} has no method {m}", nameof(methods))).ToArray();

    /// <summary>The addresses of Services:{name}: one, or several separated by commas (instances of one service).</summary>
    public static IReadOnlyList<Uri> Addresses(IConfiguration configuration, string service)
    {
        var configured = configuration[$"Services:{service}"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException($"Services:{service} is not configured");
        }
        return configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidOperationException($"Services:{service} must be http(s) addresses separated by commas, not '{a}'"))
            .ToList();
    }

    private static ServiceConfig? ServiceConfig(bool balanced, MethodDescriptor[] idempotent)
    {
        if (!balanced && idempotent.Length == 0)
        {
            return null;
        }
        var config = new ServiceConfig();
        if (balanced)
        {
            config.LoadBalancingConfigs.Add(new RoundRobinConfig());
        }
        if (idempotent.Length > 0)
        {
            var retried = new MethodConfig { RetryPolicy = IdempotentRetry() };
            foreach (var method in idempotent)
            {
                retried.Names.Add(new MethodName { Service = method.Service.FullName, Method = method.Name });
            }
            config.MethodConfigs.Add(retried);
        }
        return config;
    }
}
