using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Uwv.Gateway.Bff;

/// <summary>
/// Renews a session's tokens with its refresh token before the access token lapses (on the request that notices,
/// <see cref="TokenRefresh.IsDue"/>). A session whose refresh is refused (revoked, expired at the identity provider)
/// ends: the next call gets 401 and the page asks the user to sign in again. Concurrent requests of one session share
/// one refresh, so an identity provider that rotates refresh tokens never sees the same one twice.
/// </summary>
public sealed class BffTokenRefresher(
    IOptions<BffOptions> options,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    IHttpClientFactory http,
    TimeProvider clock,
    ILogger<BffTokenRefresher> logger)
{
    public const string HttpClientName = "bff-token-endpoint";
    private static readonly TimeSpan ShareFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<string, (RefreshedTokens Tokens, DateTimeOffset At)> _recent = new();

    public sealed record RefreshedTokens(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ExpiresAt);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        if (!TokenRefresh.IsDue(ExpiresAt(context.Properties), now, options.Value.RefreshBefore))
        {
            return;
        }
        var session = context.Properties.Items.TryGetValue(BffExtensions.SessionIdItem, out var sid) && sid is not null ? sid : "";
        var gate = _locks.GetOrAdd(session, _ => new SemaphoreSlim(1, 1));
        RefreshedTokens? tokens;
        await gate.WaitAsync(context.HttpContext.RequestAborted);
        try
        {
            tokens = _recent.TryGetValue(session, out var shared) && now - shared.At < ShareFor && shared.Tokens.ExpiresAt > now
                ? shared.Tokens
                : await RefreshAsync(context.Properties.GetTokenValue("refresh_token"), context.HttpContext.RequestAborted);
            if (tokens is not null)
            {
                _recent[session] = (tokens, now);
            }
        }
        finally
        {
            gate.Release();
            Prune(now);
        }
        if (tokens is null)
        {
            logger.LogInformation("A web session ended: its tokens could not be refreshed");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(BffExtensions.CookieScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", tokens.AccessToken);
        if (tokens.RefreshToken is not null)
        {
            context.Properties.UpdateTokenValue("refresh_token", tokens.RefreshToken);
        }
        if (tokens.IdToken is not null)
        {
            context.Properties.UpdateTokenValue("id_token", tokens.IdToken);
        }
        context.Properties.UpdateTokenValue("expires_at", tokens.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    public static DateTimeOffset? ExpiresAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private async Task<RefreshedTokens?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return null;
        }
        var o = options.Value;
        var configuration = await oidc.Get(BffExtensions.OidcScheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = o.ClientId,
        };
        if (!string.IsNullOrEmpty(o.ClientSecret))
        {
            form["client_secret"] = o.ClientSecret;
        }
        if (!string.IsNullOrEmpty(o.Resource))
        {
            form["resource"] = o.Resource;
        }
        using var response = await http.CreateClient(HttpClientName)
            .PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("The identity provider refused to refresh a web session's tokens ({Status})", (int)response.StatusCode);
            return null;
        }
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = body.RootElement;
        if (!root.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } accessToken)
        {
            return null;
        }
        var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? seconds : 60;
        return new RefreshedTokens(
            accessToken,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            root.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            clock.GetUtcNow().AddSeconds(lifetime));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (session, shared) in _recent)
        {
            if (now - shared.At >= ShareFor)
            {
                _recent.TryRemove(session, out _);
                _locks.TryRemove(session, out _);
            }
        }
    }
}
