using Microsoft.AspNetCore.Authentication.JwtBearer;
using Uwv.Gateway.Bff;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Uwv.Gateway.Extensions;

public static class GatewayExtensions
{
    /// <summary>How often the gateway looks up the pods behind a service's host name again.</summary>
    public static readonly TimeSpan DnsRefreshPeriod = TimeSpan.FromSeconds(10);

    /// <summary>The front door: validates the caller's token, then proxies gRPC and JSON to the owning service.</summary>
    public static IHostApplicationBuilder AddUwvGateway(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(), GatewayRoutes.Clusters(service => ServiceClients.Addresses(configuration, service)))
            .ConfigureHttpClient((_, handler) => handler.PooledConnectionLifetime = ServiceClients.ConnectionLifetime);
        // Every ready pod of a service is a destination of its own, balanced per call (decision 0027).
        builder.Services.Replace(ServiceDescriptor.Singleton<IDestinationResolver, PodDestinationResolver>());
        builder.AddUwvBff();
        var bff = BffExtensions.IsEnabled(configuration);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(GatewayRoutes.AuthenticatedPolicy, p =>
            {
                // A caller with a bearer token (gRPC clients, other systems) or, with the web sign-in, a web session.
                p.AddAuthenticationSchemes(bff ? [JwtBearerDefaults.AuthenticationScheme, BffExtensions.CookieScheme] : [JwtBearerDefaults.AuthenticationScheme]);
                p.RequireAuthenticatedUser();
            });
        builder.Services.AddUwvRateLimiting(configuration);
        return builder;
    }

    /// <summary>Maps the proxy (and the development login where enabled); returns every endpoint it mapped.</summary>
    public static IEndpointConventionBuilder MapUwvGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        var bff = BffExtensions.IsEnabled(app.Configuration);
        var mapped = new List<IEndpointConventionBuilder> { app.MapReverseProxy(proxy =>
        {
            if (bff)
            {
                proxy.Use(BffExtensions.ProxyAsync);
            }
            proxy.Use(GrpcForwarderErrors.InvokeAsync);
            proxy.Use(DestinationFailover.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).RequireRateLimiting(RateLimiting.Policy) };
        var auth = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.EnableDevIssuer && string.IsNullOrWhiteSpace(auth.Authority) && !app.Environment.IsProduction())
        {
            app.MapDevLogin(mapped);
        }
        if (bff)
        {
            app.MapBff(mapped);
        }
        app.MapOpenApiDocument(mapped);
        app.MapWebApp(mapped);
        return new CompositeEndpointConventionBuilder(mapped);
    }
}
