using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using HeaderNames = Microsoft.Net.Http.Headers.HeaderNames;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Gateway.Bff;

/// <summary>
/// The web workplace's sign-in on the gateway (backend for frontend, decision 0031): the OpenID Connect code flow with
/// PKCE as a confidential client, a server-side session behind an HttpOnly SameSite=Strict cookie, tokens refreshed
/// before they lapse, the access token attached to the proxied API calls, and a CSRF header on every such call.
/// </summary>
public static class BffExtensions
{
    public const string CookieScheme = "uwv-sessie";
    public const string OidcScheme = "uwv-oidc";

    /// <summary>
    /// Every API call of a cookie session carries this header. A cross-site page cannot add a custom header without
    /// a CORS preflight, which the gateway never grants, so a forged request is refused before it reaches a service.
    /// </summary>
    public const string CsrfHeader = "X-CSRF";

    /// <summary>The session's random id: names the session in the sign-out link, so another site cannot sign the user out.</summary>
    public const string SessionIdItem = "uwv.sid";

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{BffOptions.Section}:{nameof(BffOptions.Authority)}"]);

    public static IHostApplicationBuilder AddUwvBff(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }
        var section = builder.Configuration.GetSection(BffOptions.Section);
        var options = section.Get<BffOptions>() ?? new BffOptions();
        builder.Services.Configure<BffOptions>(section);
        var protection = builder.Services.AddDataProtection().SetApplicationName("uwv-1uwv-gateway");
        if (!string.IsNullOrWhiteSpace(options.KeyRingDirectory))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingDirectory));
        }
        if (string.IsNullOrWhiteSpace(options.SessionRedis))
        {
            builder.Services.AddDistributedMemoryCache();
        }
        else
        {
            builder.Services.AddStackExchangeRedisCache(redis => redis.Configuration = options.SessionRedis);
        }
        // Cookies marked Secure are required outside Development (a loopback test provider and gateway use plain HTTP).
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = options.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = secure;
                cookie.ExpireTimeSpan = options.IdleTimeout;
                cookie.SlidingExpiration = true;
                // An API call without a session is answered 401, never redirected to a sign-in page.
                cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<BffTokenRefresher>().ValidateAsync(context);
            })
            .AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.Authority = options.Authority;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = "code";
                // The code comes back in the query of a top-level GET, so SameSite=Lax correlation cookies arrive with it.
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.SignInScheme = CookieScheme;
                oidc.CallbackPath = "/bff/signin-oidc";
                oidc.SignedOutCallbackPath = "/bff/signout-callback-oidc";
                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.Scope.Clear();
                foreach (var scope in options.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    oidc.Scope.Add(scope);
                }
                oidc.TokenValidationParameters.NameClaimType = UwvClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = UwvClaims.Role;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = secure;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = secure;
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    SetResource(context.ProtocolMessage, options.Resource);
                    return Task.CompletedTask;
                };
                oidc.Events.OnAuthorizationCodeReceived = context =>
                {
                    SetResource(context.TokenEndpointRequest, options.Resource);
                    return Task.CompletedTask;
                };
                oidc.Events.OnTicketReceived = context =>
                {
                    context.Properties!.Items[SessionIdItem] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddSingleton<ITicketStore>(services => new SessionTicketStore(
            services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(),
            services.GetRequiredService<IDataProtectionProvider>(), options.IdleTimeout));
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<ITicketStore>((cookie, store) => cookie.SessionStore = store);
        builder.Services.AddSingleton<BffTokenRefresher>();
        builder.Services.AddHttpClient(BffTokenRefresher.HttpClientName);
        return builder;
    }

    private static void SetResource(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectMessage? message, string? resource)
    {
        if (message is not null && !string.IsNullOrWhiteSpace(resource))
        {
            message.SetParameter("resource", resource);
        }
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The sign-in, session and sign-out endpoints the page uses.</summary>
    public static void MapBff(this IEndpointRouteBuilder app, List<IEndpointConventionBuilder> mapped)
    {
        var group = app.MapGroup("/bff").AllowAnonymous();
        mapped.Add(group.MapGet("/login", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [OidcScheme])));
        mapped.Add(group.MapGet("/user", (Delegate)CurrentUserAsync));
        mapped.Add(group.MapGet("/logout", (Delegate)SignOutAsync));
    }

    /// <summary>A return address inside this site only ("/..." but not "//host"), else the start page.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static async Task<IResult> CurrentUserAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Headers[CsrfHeader] != "1")
        {
            return CsrfRefusal();
        }
        var session = await context.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Niet ingelogd");
        }
        var user = session.Principal;
        var sid = (session.Properties.Items.TryGetValue(SessionIdItem, out var id) ? id : null) ?? "";
        return Results.Json(new
        {
            sub = user.SubjectId(),
            name = user.FindFirst(UwvClaims.Name)?.Value,
            role = user.RoleNames().FirstOrDefault(),
            team = user.TeamOf(),
            division = user.DivisionOf(),
            logoutUrl = $"/bff/logout?sid={Uri.EscapeDataString(sid)}",
        });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, string? sid)
    {
        var session = await context.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded)
        {
            return Results.Redirect("/#/inloggen");
        }
        if (string.IsNullOrEmpty(sid) || sid != (session.Properties.Items.TryGetValue(SessionIdItem, out var id) ? id : null))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Uitloggen kan alleen vanuit de werkplek",
                detail: "De uitloglink hoort niet bij deze sessie.");
        }
        // Ends the session here, then at the identity provider, which sends the browser back to the sign-in page.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/#/inloggen" }, [CookieScheme, OidcScheme]);
    }

    private static IResult CsrfRefusal() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Verzoek geweigerd",
            detail: $"Een verzoek met de sessie van de werkplek moet de kop {CsrfHeader}: 1 dragen.");

    /// <summary>
    /// The proxy's first step for a call without its own bearer token: a signed-in web session must carry the CSRF
    /// header, and its access token is attached. The browser's cookies never travel on to a service.
    /// </summary>
    public static async Task ProxyAsync(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            var session = await context.AuthenticateAsync(CookieScheme);
            if (session.Succeeded)
            {
                if (context.Request.Headers[CsrfHeader] != "1")
                {
                    await CsrfRefusal().ExecuteAsync(context);
                    return;
                }
                context.Request.Headers.Authorization = $"Bearer {session.Properties.GetTokenValue("access_token")}";
            }
        }
        context.Request.Headers.Remove(HeaderNames.Cookie);
        await next();
    }
}
