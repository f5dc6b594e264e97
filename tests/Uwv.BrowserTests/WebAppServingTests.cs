using System.Net;

namespace Uwv.BrowserTests;

/// <summary>The gateway serves the workplace publicly on its HTTP port; the API behind it still demands a token.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppServingTests(BrowserPlatformFixture platform)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/lib/rijkshuisstijl-community/components.css", "text/css")]
    [InlineData("/lib/echarts/echarts.esm.min.js", "text/javascript")]
    [InlineData("/webapp-config.json", "application/json")]
    public async Task WebFiles_AreServedWithoutAToken(string path, string contentType)
    {
        using var http = platform.Client.Http();
        using var response = await http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
    }

    [Fact]
    public async Task ThePage_HasAContentSecurityPolicy_AdmittingOnlyItsOwnScripts()
    {
        using var http = platform.Client.Http();
        using var response = await http.GetAsync("/");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task TheApi_StillRequiresAToken_AndAnUnknownApiPathIsNotThePage()
    {
        using var http = platform.Client.Http();
        (await http.GetAsync("/api/v1/klantbeeld/worklist")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.GetAsync("/api/v1/does-not-exist")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync("/js/does-not-exist.js")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PathsOutsideTheWebRoot_AreNotServed()
    {
        using var http = platform.Client.Http();
        using var response = await http.GetAsync("/..%2F..%2FUwv.Gateway.csproj");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
