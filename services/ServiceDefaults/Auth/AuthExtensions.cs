using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Uwv.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer validation for every service and the gateway; no service trusts the network.</summary>
    public static IHostApplicationBuilder AddUwvAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
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
        builder.Services.AddAuthorization();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DevTokenIssuer>();
        return builder;
    }
}
