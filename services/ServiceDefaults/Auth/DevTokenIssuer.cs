using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Uwv.ServiceDefaults.Auth;

/// <summary>The local development issuer: signs tokens for the demo users with the configured symmetric key.</summary>
public sealed class DevTokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Issue(DemoUser user) => Issue(user.UserName, user.Role, user.Division, user.Team, user.DisplayName);

    public string Issue(string subject, string role, string division, string team, string? name = null, TimeSpan? lifetime = null)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.Add(lifetime ?? o.DevTokenLifetime);
        var claims = new List<Claim>
        {
            new(UwvClaims.Subject, subject),
            new(UwvClaims.Role, role),
            new(UwvClaims.Division, division),
            new(UwvClaims.Team, team),
            new(UwvClaims.Name, name ?? subject),
        };
        var token = new JwtSecurityToken(
            issuer: o.DevIssuer,
            audience: o.Audience,
            claims: claims,
            // A negative lifetime makes an already expired token (for tests of expiry).
            notBefore: expires < now ? expires.AddMinutes(-1) : now.AddSeconds(-5),
            expires: expires,
            signingCredentials: new SigningCredentials(DevKey.From(o), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

internal static class DevKey
{
    public static SymmetricSecurityKey From(AuthOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.DevSigningKey))
        {
            throw new InvalidOperationException("Auth:DevSigningKey is not configured and no Auth:Authority is set.");
        }
        var bytes = Convert.FromBase64String(o.DevSigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:DevSigningKey must be at least 256 bits.");
        }
        return new SymmetricSecurityKey(bytes);
    }
}
