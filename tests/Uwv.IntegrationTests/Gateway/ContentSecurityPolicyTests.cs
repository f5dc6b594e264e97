namespace Uwv.IntegrationTests.Gateway;

/// <summary>The web page may connect to the gateway itself, nowhere else (sign-in runs on the gateway).</summary>
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

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
