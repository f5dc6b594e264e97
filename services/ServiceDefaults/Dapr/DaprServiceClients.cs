using Dapr.Client;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Uwv.ServiceDefaults.Dapr;

/// <summary>
/// gRPC clients that reach another service through the Dapr sidecar: the sidecar finds the target by its app id
/// (the service name), encrypts with mTLS and retries. Calls carry the <c>dapr-app-id</c> metadata.
/// </summary>
public static class DaprServiceClients
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> on an invoker from <see cref="DaprClient.CreateInvocationInvoker(string, GrpcChannelOptions, string?, string?)"/>.
    /// One invoker (one channel to the sidecar) per target app id, for the lifetime of the process.
    /// </summary>
    public static IHttpClientBuilder AddDaprServiceClient<TClient>(this IServiceCollection services, string appId, DaprSidecar sidecar)
        where TClient : ClientBase
    {
        services.AddHttpContextAccessor();
        services.TryAddKeyedSingleton(appId, (_, _) => new DaprInvocation(
            DaprClient.CreateInvocationInvoker(appId, new GrpcChannelOptions(), sidecar.GrpcEndpoint.ToString(), sidecar.ApiToken)));
        return services.AddGrpcClient<TClient>((sp, options) =>
        {
            options.Address = sidecar.GrpcEndpoint;
            options.Creator = _ =>
            {
                var invoker = sp.GetRequiredKeyedService<DaprInvocation>(appId).Invoker
                    .Intercept(new ForwardAuthorizationInterceptor(sp.GetRequiredService<IHttpContextAccessor>()));
                return Activator.CreateInstance(typeof(TClient), invoker)
                    ?? throw new InvalidOperationException($"Cannot create {typeof(TClient).Name}");
            };
        });
    }

    /// <summary>The invoker for one target app id.</summary>
    public sealed record DaprInvocation(CallInvoker Invoker);
}
