namespace Uwv.ServiceDefaults.Auth;

/// <summary>
/// Token validation. In production <see cref="Authority"/> names the OIDC issuer (its signing keys are discovered);
/// without one, tokens are validated against the local development issuer's symmetric key.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public string Audience { get; set; } = "uwv-1uwv";
    public string DevIssuer { get; set; } = "uwv-dev-issuer";

    /// <summary>
    /// Base64 HMAC key of the development issuer. Never used when an Authority is set; not in any shipped file: made at
    /// start-up in Development unless given (<see cref="AuthExtensions.EnsureDevSigningKey"/>).
    /// </summary>
    public string DevSigningKey { get; set; } = "";

    /// <summary>Whether this process issues development tokens (gateway in the embedded default and tests).</summary>
    public bool EnableDevIssuer { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
