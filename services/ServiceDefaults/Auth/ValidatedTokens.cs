using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Uwv.ServiceDefaults.Auth;

/// <summary>
/// Tokens this process validated recently, so that the same bearer token on the next call is not parsed and its
/// signature checked again (decision 0037). Only a valid token is kept, never past its own expiry nor longer than
/// <see cref="MaxAge"/>, and each call gets its own copy of the identity. A bounded number of tokens is kept.
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock, int capacity = ValidatedTokens.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    /// <summary>How long a validation is trusted at most: a signing key the issuer withdraws stops counting within it.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Validated> _valid = new(StringComparer.Ordinal);

    public int Count => _valid.Count;

    /// <summary>The cached validation of the token, or the outcome of <paramref name="validate"/>, kept when it is valid.</summary>
    public async Task<TokenValidationResult> ValidateAsync(string token, Func<Task<TokenValidationResult>> validate)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out var hit))
        {
            if (now < hit.Until)
            {
                return Copy(hit.Result);
            }
            _valid.TryRemove(new KeyValuePair<string, Validated>(token, hit));
        }
        var result = await validate();
        if (result is { IsValid: true, SecurityToken: { } securityToken } && result.ClaimsIdentity is { } identity)
        {
            var until = Min(new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc)), now + MaxAge);
            if (until > now)
            {
                if (_valid.Count >= capacity)
                {
                    // Crude but bounded: a process that sees more distinct tokens than this starts over.
                    _valid.Clear();
                }
                _valid[token] = new Validated(new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = identity.Clone(),
                    SecurityToken = securityToken,
                    Issuer = result.Issuer,
                    TokenType = result.TokenType,
                }, until);
            }
        }
        return result;
    }

    private static TokenValidationResult Copy(TokenValidationResult cached) => new()
    {
        IsValid = true,
        ClaimsIdentity = cached.ClaimsIdentity.Clone(),
        SecurityToken = cached.SecurityToken,
        Issuer = cached.Issuer,
        TokenType = cached.TokenType,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Validated(TokenValidationResult Result, DateTimeOffset Until);
}

/// <summary>The JWT handler of every process, with <see cref="ValidatedTokens"/> in front of its validation.</summary>
public sealed class CachingJsonWebTokenHandler(ValidatedTokens validated) : JsonWebTokenHandler
{
    public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters) =>
        validated.ValidateAsync(token, () => base.ValidateTokenAsync(token, validationParameters));
}
