using Microsoft.AspNetCore.Authorization;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace Uwv.Gateway.Extensions;

public static class GatewayExtensions
{
    /// <summary>The front door: validates the caller's token, then proxies gRPC and JSON to the owning service.</summary>
    public static IHostApplicationBuilder AddUwvGateway(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddReverseProxy().LoadFromMemory(
            GatewayRoutes.Routes(),
            GatewayRoutes.Clusters(service => configuration[$"Services:{service}"]
                ?? throw new InvalidOperationException($"Services:{service} is not configured")));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(GatewayRoutes.AuthenticatedPolicy, p => p.RequireAuthenticatedUser());
        builder.Services.AddUwvRateLimiting(configuration);
        return builder;
    }

    /// <summary>Maps the proxy (and the development login where enabled); returns every endpoint it mapped.</summary>
    public static IEndpointConventionBuilder MapUwvGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        var mapped = new List<IEndpointConventionBuilder> { app.MapReverseProxy().RequireRateLimiting(RateLimiting.Policy) };
        var auth = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.EnableDevIssuer && string.IsNullOrWhiteSpace(auth.Authority) && !app.Environment.IsProduction())
        {
            app.MapDevLogin(mapped);
        }
        app.MapOpenApiDocument(mapped);
        app.MapWebApp(mapped);
        return new CompositeEndpointConventionBuilder(mapped);
    }
}
