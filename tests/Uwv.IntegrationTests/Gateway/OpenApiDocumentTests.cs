using System.Text.Json.Nodes;
using Google.Api;
using Uwv.Gateway.Extensions;
using Uwv.Gateway.OpenApi;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>
/// The published API contract (docs/openapi.json) is the document the gateway makes from the compiled protos and serves
/// at /openapi/v1.json: a proto change that alters a JSON route fails here until the document is regenerated with
/// scripts/openapi.sh (which runs this test with UWV_UPDATE_OPENAPI=1).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class OpenApiDocumentTests(EmbeddedPlatformFixture platform)
{
    private static readonly string CheckedIn = Path.Combine(RepoPaths.Root, OpenApiDocument.CheckedInPath);

    [Fact]
    public void CheckedInDocument_IsTheOneTheContractsMake()
    {
        if (Environment.GetEnvironmentVariable("UWV_UPDATE_OPENAPI") == "1")
        {
            File.WriteAllText(CheckedIn, OpenApiDocument.Text);
        }
        File.Exists(CheckedIn).ShouldBeTrue($"{OpenApiDocument.CheckedInPath} is missing: run scripts/openapi.sh");
        File.ReadAllText(CheckedIn).ReplaceLineEndings("\n").ShouldBe(OpenApiDocument.Text,
            $"{OpenApiDocument.CheckedInPath} is out of date with the protos: run scripts/openapi.sh and commit the result");
    }

    [Fact]
    public async Task Gateway_ServesTheDocument_WithoutAToken()
    {
        using var http = platform.Client.Http();
        using var response = await http.GetAsync(OpenApiDocument.Route);

        response.IsSuccessStatusCode.ShouldBeTrue($"{OpenApiDocument.Route}: {response.StatusCode}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldBe(OpenApiDocument.Text);
    }

    [Fact]
    public void Document_HasOneOperationPerHttpRule_EachOnAPathTheGatewayRoutes()
    {
        var rules = OpenApiDocument.Services()
            .SelectMany(s => s.Methods)
            .Select(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .OfType<HttpRule>()
            .Sum(r => 1 + r.AdditionalBindings.Count);
        var paths = JsonNode.Parse(OpenApiDocument.Text)!["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Verb: o.Key, Operation: o.Value!))).ToList();

        rules.ShouldBeGreaterThan(0);
        operations.Count.ShouldBe(rules);
        var prefixes = GatewayRoutes.All.SelectMany(r => r.JsonPrefixes).ToList();
        operations.Where(o => !prefixes.Any(p => o.Path == p || o.Path.StartsWith(p + "/", StringComparison.Ordinal)))
            .Select(o => $"{o.Verb} {o.Path}").ShouldBeEmpty("documented but not routed by the gateway");
        operations.Where(o => o.Operation["responses"]?["429"] is null).Select(o => $"{o.Verb} {o.Path}")
            .ShouldBeEmpty("every route documents the rate limit");
    }

    [Fact]
    public void Document_IsValidOpenApi3_ForAnIndependentReader()
    {
        var document = new Microsoft.OpenApi.Readers.OpenApiStringReader().Read(OpenApiDocument.Text, out var diagnostic);

        diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}").ShouldBeEmpty();
        diagnostic.SpecificationVersion.ShouldBe(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0);
        document.Paths.ShouldNotBeEmpty();
        document.Components.Schemas.Keys.ShouldContain("google.rpc.Status");
    }

    [Fact]
    public void Document_DescribesTheRateLimit_As429WithRetryAfter()
    {
        var response = JsonNode.Parse(OpenApiDocument.Text)!["components"]!["responses"]!["TooManyRequests"]!;

        response["headers"]?["Retry-After"]?["schema"]?["type"]?.GetValue<string>().ShouldBe("integer");
    }
}
