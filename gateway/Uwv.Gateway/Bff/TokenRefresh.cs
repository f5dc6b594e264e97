namespace Uwv.Gateway.Bff;

/// <summary>When a session's access token is renewed: the pure rule beside its test.</summary>
public static class TokenRefresh
{
    /// <summary>
    /// Due when less than <paramref name="before"/> remains of the token's life (or it has expired): the token is
    /// renewed on the request that notices, so a call never reaches a service with a token about to lapse.
    /// A session without a known expiry is refreshed at once rather than trusted indefinitely.
    /// </summary>
    public static bool IsDue(DateTimeOffset? expiresAt, DateTimeOffset now, TimeSpan before) =>
        expiresAt is not { } expires || expires - now < before;
}
