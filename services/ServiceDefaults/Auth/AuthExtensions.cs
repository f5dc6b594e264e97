using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Uwv.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer validation for every service and the gateway; no service trusts the network. Outside Development a
    /// process without Auth:Authority refuses to start (<see cref="RefuseUnsafeStart"/>); in Development without a
    /// configured Auth:DevSigningKey the development issuer's key is made at start-up (<see cref="EnsureDevSigningKey"/>).
    /// </summary>
    public static IHostApplicationBuilder AddUwvAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        RefuseUnsafeStart(section.Get<AuthOptions>() ?? new AuthOptions(), builder.Environment.EnvironmentName);
        EnsureDevSigningKey(builder.Configuration);
        builder.Services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                // Nothing reads the bearer token back from the call's authentication properties: keeping it there would
                // copy it for every call and hold a credential where nothing needs it.
                jwt.SaveToken = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RoleClaimType = UwvClaims.Role,
                    NameClaimType = UwvClaims.Name,
                };
                if (!string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                }
                else
                {
                    jwt.TokenValidationParameters.ValidIssuer = options.DevIssuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = DevKey.From(options);
                }
            });
        // Real time, as the handler's own lifetime check uses: a validation is never kept past the token's expiry.
        var validated = new ValidatedTokens(TimeProvider.System);
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            // The handler made here must keep the claim names as the tokens carry them, like the one it replaces.
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new CachingJsonWebTokenHandler(validated) { MapInboundClaims = jwt.MapInboundClaims });
        });
        builder.Services.AddAuthorization();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DevTokenIssuer>();
        return builder;
    }

    /// <summary>
    /// A process outside the Development environment accepts tokens only from the OIDC issuer named by Auth:Authority.
    /// Without one it would fall back to the development issuer's key, so it does not start at all.
    /// </summary>
    public static void RefuseUnsafeStart(AuthOptions options, string environmentName)
    {
        if (string.IsNullOrWhiteSpace(options.Authority) && !string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Auth:Authority is not set, and this process runs in the {environmentName} environment. Outside Development every " +
                "process validates tokens against the OIDC issuer named by Auth:Authority (e.g. Auth__Authority=https://login.example.com/realms/uwv); " +
                "the development issuer is for ASPNETCORE_ENVIRONMENT=Development only. Refusing to start.");
        }
    }

    /// <summary>
    /// The development issuer's key, when no Auth:Authority and no Auth:DevSigningKey are configured: random, made at
    /// start-up and known only to this process (the embedded default issues and validates its tokens in one process).
    /// Separate processes that must share one key get it in Auth:DevSigningKey (the test platform, scripts/run.sh --real).
    /// </summary>
    public static void EnsureDevSigningKey(IConfigurationManager configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(AuthOptions.Authority)]) && string.IsNullOrWhiteSpace(section[nameof(AuthOptions.DevSigningKey)]))
        {
            configuration.AddInMemoryCollection([new($"{AuthOptions.Section}:{nameof(AuthOptions.DevSigningKey)}", NewDevSigningKey())]);
        }
    }

    /// <summary>A fresh 256-bit development signing key, base64.</summary>
    public static string NewDevSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
