using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Dapr;

namespace Uwv.ServiceDefaults.Grpc;

public static class ServiceClients
{
    /// <summary>
    /// A gRPC client for another service of the platform. With a Dapr sidecar present (DAPR_GRPC_PORT set), calls go
    /// through the sidecar to the app id <paramref name="service"/> (mTLS, retries); without one, directly to
    /// Services:{name} (the ports in tye.yaml). Either way the caller's bearer token travels along, so the called
    /// service authorizes the original employee.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service)
        where TClient : ClientBase
    {
        if (DaprSidecar.Detect(builder.Configuration) is { } sidecar)
        {
            return builder.Services.AddDaprServiceClient<TClient>(service, sidecar);
        }
        var address = builder.Configuration[$"Services:{service}"]
            ?? throw new InvalidOperationException($"Services:{service} is not configured");
        return builder.Services
            .AddGrpcClient<TClient>(o => o.Address = new Uri(address))
            .AddCallCredentials((_, metadata, sp) =>
            {
                var authorization = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Headers.Authorization.ToString();
                if (!string.IsNullOrEmpty(authorization))
                {
                    metadata.Add("Authorization", authorization);
                }
                return Task.CompletedTask;
            })
            .ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true);
    }
}
