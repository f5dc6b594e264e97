using Uwv.Gateway.Extensions;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>The web page may connect to the gateway itself and to the configured identity provider, nowhere else.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ContentSecurityPolicyTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task WebPage_WithTheDevelopmentLogin_ConnectsOnlyToItself()
    {
        using var http = new HttpClient();

        using var page = await http.GetAsync(new Uri(new Uri(platform.Settings["Services:gateway"]!), "/"));

        var directives = Directives(page.Headers.GetValues("Content-Security-Policy").Single());
        directives["connect-src"].ShouldBe("'self'");
        directives["form-action"].ShouldBe("'self'");
    }

    [Fact]
    public void ContentSecurityPolicy_WithAnIdentityProvider_AllowsItsOriginOnly()
    {
        var directives = Directives(WebAppExtensions.ContentSecurityPolicy("https://login.example.com/realms/uwv"));

        directives["connect-src"].ShouldBe("'self' https://login.example.com");
        directives["form-action"].ShouldBe("'self' https://login.example.com");
        directives["default-src"].ShouldBe("'self'");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    public void ContentSecurityPolicy_WithoutAUsableIdentityProvider_AllowsItselfOnly(string? authority)
    {
        var directives = Directives(WebAppExtensions.ContentSecurityPolicy(authority));

        directives["connect-src"].ShouldBe("'self'");
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
