using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.UnitTests.Auth;

/// <summary>
/// The cache of validated tokens (decision 0037): a valid token is validated once and then served from memory, never
/// past its expiry nor longer than the maximum age; an invalid token is validated on every call; every call gets an
/// identity of its own; the number of tokens kept is bounded.
/// </summary>
public sealed class ValidatedTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);
    private static readonly SymmetricSecurityKey OtherKey = new(Enumerable.Repeat((byte)7, 32).ToArray());

    [Fact]
    public async Task ValidToken_IsValidatedOnce_AndThenServedFromMemory()
    {
        var clock = new SettableClock(Start);
        var cache = new ValidatedTokens(clock);
        var token = Token("jurist.arnhem-noord", Start.AddHours(1));
        var validations = 0;

        for (var i = 0; i < 3; i++)
        {
            var result = await cache.ValidateAsync(token, () => { validations++; return Validate(token, Key); });
            result.IsValid.ShouldBeTrue();
            result.ClaimsIdentity.FindFirst("sub")!.Value.ShouldBe("jurist.arnhem-noord");
        }

        validations.ShouldBe(1);
    }

    [Fact]
    public async Task InvalidToken_IsNeverKept_AndValidatedOnEveryCall()
    {
        var cache = new ValidatedTokens(new SettableClock(Start));
        var token = Token("jurist.arnhem-noord", Start.AddHours(1));
        var validations = 0;

        for (var i = 0; i < 3; i++)
        {
            var result = await cache.ValidateAsync(token, () => { validations++; return Validate(token, OtherKey); });
            result.IsValid.ShouldBeFalse();
        }

        validations.ShouldBe(3);
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public async Task KeptToken_IsValidatedAgain_OnceItHasExpired()
    {
        var clock = new SettableClock(Start);
        var cache = new ValidatedTokens(clock);
        var token = Token("jurist.arnhem-noord", Start.AddSeconds(60));
        var validations = 0;
        Task<TokenValidationResult> Count() { validations++; return Validate(token, Key); }
        await cache.ValidateAsync(token, Count);

        clock.Now = Start.AddSeconds(59);
        await cache.ValidateAsync(token, Count);
        validations.ShouldBe(1);

        clock.Now = Start.AddSeconds(60);
        await cache.ValidateAsync(token, Count);
        validations.ShouldBe(2, "a token is not served from memory at or after its expiry");
    }

    [Fact]
    public async Task KeptToken_IsValidatedAgain_AfterTheMaximumAge_EvenBeforeItExpires()
    {
        var clock = new SettableClock(Start);
        var cache = new ValidatedTokens(clock);
        var token = Token("jurist.arnhem-noord", Start.AddHours(8));
        var validations = 0;
        Task<TokenValidationResult> Count() { validations++; return Validate(token, Key); }
        await cache.ValidateAsync(token, Count);

        clock.Now = Start + ValidatedTokens.MaxAge - TimeSpan.FromSeconds(1);
        await cache.ValidateAsync(token, Count);
        validations.ShouldBe(1);

        clock.Now = Start + ValidatedTokens.MaxAge;
        await cache.ValidateAsync(token, Count);
        validations.ShouldBe(2, "a withdrawn signing key must stop counting within the maximum age");
    }

    [Fact]
    public async Task EveryCall_GetsAnIdentityOfItsOwn()
    {
        var cache = new ValidatedTokens(new SettableClock(Start));
        var token = Token("jurist.arnhem-noord", Start.AddHours(1));
        var first = await cache.ValidateAsync(token, () => Validate(token, Key));

        first.ClaimsIdentity.AddClaim(new Claim("role", "manager"));
        var second = await cache.ValidateAsync(token, () => Validate(token, Key));
        second.ClaimsIdentity.AddClaim(new Claim("team", "elsewhere"));
        var third = await cache.ValidateAsync(token, () => Validate(token, Key));

        third.ClaimsIdentity.ShouldNotBeSameAs(second.ClaimsIdentity);
        third.ClaimsIdentity.HasClaim("role", "manager").ShouldBeFalse();
        third.ClaimsIdentity.HasClaim("team", "elsewhere").ShouldBeFalse();
        third.ClaimsIdentity.FindFirst("sub")!.Value.ShouldBe("jurist.arnhem-noord");
    }

    [Fact]
    public async Task KeptTokens_AreBounded()
    {
        var cache = new ValidatedTokens(new SettableClock(Start), capacity: 5);

        for (var i = 0; i < 12; i++)
        {
            var token = Token($"user.{i}", Start.AddHours(1));
            await cache.ValidateAsync(token, () => Validate(token, Key));
            cache.Count.ShouldBeLessThanOrEqualTo(5);
        }
    }

    [Fact]
    public async Task Handler_ServesTheSameSignedTokenFromMemory_AndStillRefusesAForgedOne()
    {
        var handler = new CachingJsonWebTokenHandler(new ValidatedTokens(TimeProvider.System)) { MapInboundClaims = false };
        var parameters = new TokenValidationParameters { ValidIssuer = "uwv-dev", ValidAudience = "uwv", IssuerSigningKey = Key };
        var token = Token("jurist.arnhem-noord", DateTimeOffset.UtcNow.AddHours(1));
        var forged = Token("jurist.arnhem-noord", DateTimeOffset.UtcNow.AddHours(1), OtherKey);

        (await handler.ValidateTokenAsync(token, parameters)).IsValid.ShouldBeTrue();
        (await handler.ValidateTokenAsync(token, parameters)).ClaimsIdentity.FindFirst("sub")!.Value.ShouldBe("jurist.arnhem-noord");
        (await handler.ValidateTokenAsync(forged, parameters)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void EveryProcess_ValidatesThroughTheCache_KeepingTheClaimNamesOfTheToken()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(
            new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Development" });
        builder.AddUwvAuthentication();
        using var app = builder.Build();

        var jwt = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme);

        jwt.TokenHandlers.ShouldHaveSingleItem().ShouldBeOfType<CachingJsonWebTokenHandler>().MapInboundClaims.ShouldBeFalse();
        jwt.SaveToken.ShouldBeFalse("no process reads the bearer token back from the call's authentication properties");
    }

    private static string Token(string subject, DateTimeOffset expires, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "uwv-dev",
            Audience = "uwv",
            Claims = new Dictionary<string, object> { ["sub"] = subject },
            NotBefore = expires.UtcDateTime.AddDays(-1),
            IssuedAt = expires.UtcDateTime.AddDays(-1),
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The real validation, at any clock: the expiry is the cache's business in these tests.</summary>
    private static Task<TokenValidationResult> Validate(string token, SecurityKey key) =>
        new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "uwv-dev",
            ValidAudience = "uwv",
            IssuerSigningKey = key,
            ValidateLifetime = false,
        });

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
