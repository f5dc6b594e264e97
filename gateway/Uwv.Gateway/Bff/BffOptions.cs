namespace Uwv.Gateway.Bff;

/// <summary>
/// The web workplace's sign-in through the gateway (backend for frontend, decision 0031). When <see cref="Authority"/>
/// is set, the gateway runs the OpenID Connect authorization-code flow with PKCE as a confidential client, keeps the
/// tokens in an encrypted HttpOnly session cookie, refreshes them before they expire and attaches the access token to
/// the API calls it proxies. The browser never sees a token.
/// </summary>
public sealed class BffOptions
{
    public const string Section = "Bff";

    /// <summary>The OpenID Connect issuer (its discovery document is read from here).</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "uwv-1uwv-web";

    /// <summary>The gateway's client secret at the identity provider (from a secret store, never in a shipped file).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for: the user's identity, a refresh token, and the platform's API.</summary>
    public string Scope { get; set; } = "openid profile offline_access uwv";

    /// <summary>
    /// The API's resource indicator (RFC 8707, an absolute URI) for providers that issue access tokens per resource;
    /// not sent when empty. Either way the access token's audience must be the services' Auth:Audience.
    /// </summary>
    public string? Resource { get; set; }

    /// <summary>Tokens are refreshed when less than this remains of the access token's lifetime.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The session ends after this long without any request (a working day by default).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(9);

    /// <summary>The session cookie's name.</summary>
    public string CookieName { get; set; } = "uwv-sessie";

    /// <summary>
    /// Where the key ring that encrypts session cookies is kept. Every replica of the gateway must share it (a mounted
    /// volume), or a session cookie issued by one replica cannot be read by another.
    /// </summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>
    /// Redis (a StackExchange.Redis configuration string) holding the sessions, shared by every replica of the gateway.
    /// Without it the sessions live in this process's memory: right for one gateway (the embedded run), lost on restart.
    /// </summary>
    public string? SessionRedis { get; set; }

    /// <summary>Whether the identity provider's metadata must be fetched over HTTPS (only a loopback test provider may not).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
