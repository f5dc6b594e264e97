using Uwv.Gateway.OpenApi;

namespace Uwv.Gateway.Extensions;

public static class OpenApiExtensions
{
    /// <summary>
    /// GET /openapi/v1.json: the API contract for JSON callers (docs/openapi.json is the same text, checked in). Public,
    /// like the contracts it is made from.
    /// </summary>
    public static void MapOpenApiDocument(this WebApplication app, List<IEndpointConventionBuilder> mapped)
    {
        var body = OpenApiDocument.Utf8;
        mapped.Add(app.MapGet(OpenApiDocument.Route, () => Results.Bytes(body, "application/json; charset=utf-8")).AllowAnonymous());
    }
}
