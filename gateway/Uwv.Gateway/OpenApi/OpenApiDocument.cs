using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Uwv.Gateway.Extensions;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Uwv.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3 document of every JSON route of the gateway, built from the compiled proto descriptors: each method of a
/// routed gRPC service with a <c>google.api.http</c> rule is one operation, with its path and query parameters, its
/// request body and its response as the JSON transcoding maps them, the gateway's rate limit (429 with Retry-After) and
/// the error body (google.rpc.Status). Deterministic: the same contracts give the same text, so the copy checked in
/// under docs/ can be compared with it.
/// </summary>
public static partial class OpenApiDocument
{
    public const string Route = "/openapi/v1.json";
    public const string CheckedInPath = "docs/openapi.json";

    private static readonly Lazy<string> Document = new(Build);

    /// <summary>The document as indented JSON with "\n" line ends.</summary>
    public static string Text => Document.Value;

    /// <summary>The routed gRPC services, found among the contracts' descriptors by their full names.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services()
    {
        var all = typeof(Uwv.Contracts.Klantbeeld.V1.KlantbeeldService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .SelectMany(f => f.Services)
            .ToDictionary(s => s.FullName, StringComparer.Ordinal);
        return GatewayRoutes.All.SelectMany(r => r.GrpcServices)
            .Select(name => all.TryGetValue(name, out var s) ? s : throw new InvalidOperationException($"no descriptor for routed service {name}"))
            .ToList();
    }

    private static string Build()
    {
        var schemas = new ProtoJsonSchemas();
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var service in Services())
        {
            foreach (var method in service.Methods)
            {
                if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
                {
                    continue;
                }
                foreach (var binding in rule.AdditionalBindings.Prepend(rule))
                {
                    var (verb, template) = VerbAndPath(binding, method);
                    var path = paths.TryGetValue(template.Path, out var existing) ? existing : paths[template.Path] = [];
                    path[verb] = Operation(service, method, binding, template, schemas);
                }
            }
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "1UWV platform API",
                ["version"] = "v1",
                ["description"] = "The JSON form of the platform's gRPC services (contracts/uwv), as the gateway transcodes it. "
                    + "Every route needs a bearer token of the platform's OIDC issuer. Errors are a google.rpc.Status with details "
                    + "(BadRequest, ErrorInfo): see docs/api.md. The gateway limits each caller's rate: past it, HTTP 429 with Retry-After.",
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = ToJson(paths),
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["responses"] = Responses(schemas),
                ["schemas"] = schemas.ToJson(),
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return document.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Operation(ServiceDescriptor service, MethodDescriptor method, HttpRule rule, PathTemplate template, ProtoJsonSchemas schemas)
    {
        var parameters = new JsonArray();
        foreach (var variable in template.Variables)
        {
            var field = method.InputType.FindFieldByName(variable)
                ?? throw new InvalidOperationException($"{method.FullName}: path variable {variable} is no field of {method.InputType.Name}");
            parameters.Add(new JsonObject
            {
                ["name"] = field.JsonName,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = schemas.Field(field),
            });
        }
        var bound = template.Variables.ToHashSet(StringComparer.Ordinal);
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(service.FullName),
            ["operationId"] = $"{service.Name}_{method.Name}",
            ["summary"] = $"{service.FullName}/{method.Name}",
        };
        if (rule.Body == "*")
        {
            operation["requestBody"] = Body(bound.Count == 0 ? schemas.Reference(method.InputType) : schemas.Inline(method.InputType, bound));
        }
        else
        {
            if (rule.Body.Length > 0)
            {
                var bodyField = method.InputType.FindFieldByName(rule.Body)
                    ?? throw new InvalidOperationException($"{method.FullName}: body {rule.Body} is no field of {method.InputType.Name}");
                operation["requestBody"] = Body(schemas.Field(bodyField));
                bound.Add(bodyField.Name);
            }
            // Without a body every field the path leaves is a query parameter (a message field would be dotted names).
            foreach (var field in method.InputType.Fields.InFieldNumberOrder().Where(f => !bound.Contains(f.Name) && f.FieldType != FieldType.Message))
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = field.JsonName,
                    ["in"] = "query",
                    ["required"] = false,
                    ["schema"] = schemas.Field(field),
                });
            }
        }
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }
        var response = rule.ResponseBody.Length == 0
            ? schemas.Reference(method.OutputType)
            : schemas.Field(method.OutputType.FindFieldByName(rule.ResponseBody)
                ?? throw new InvalidOperationException($"{method.FullName}: response_body {rule.ResponseBody} is no field of {method.OutputType.Name}"));
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Content(response) },
            ["401"] = Ref("Unauthenticated"),
            ["429"] = Ref("TooManyRequests"),
            ["default"] = Ref("Error"),
        };
        return operation;
    }

    private static JsonObject Responses(ProtoJsonSchemas schemas) => new()
    {
        ["Error"] = new JsonObject
        {
            ["description"] = "The call was refused: a google.rpc.Status whose details say why (docs/api.md, Errors).",
            ["content"] = Content(schemas.Reference(Google.Rpc.Status.Descriptor)),
        },
        ["Unauthenticated"] = new JsonObject { ["description"] = "No token, or an expired or forged one." },
        ["TooManyRequests"] = new JsonObject
        {
            ["description"] = "The caller's rate limit (Gateway:RateLimit) is exhausted; nothing was done. Retry after Retry-After seconds.",
            ["headers"] = new JsonObject
            {
                ["Retry-After"] = new JsonObject
                {
                    ["description"] = "Seconds to wait before the next call.",
                    ["schema"] = new JsonObject { ["type"] = "integer" },
                },
            },
        },
    };

    private static JsonObject Body(JsonObject schema) => new() { ["required"] = true, ["content"] = Content(schema) };

    private static JsonObject Content(JsonObject schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Ref(string response) => new() { ["$ref"] = "#/components/responses/" + response };

    private static JsonObject ToJson(SortedDictionary<string, JsonObject> paths)
    {
        var json = new JsonObject();
        foreach (var (path, item) in paths)
        {
            json[path] = item;
        }
        return json;
    }

    private sealed record PathTemplate(string Path, IReadOnlyList<string> Variables);

    private static (string Verb, PathTemplate Template) VerbAndPath(HttpRule rule, MethodDescriptor method)
    {
        var (verb, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", rule.Get),
            HttpRule.PatternOneofCase.Post => ("post", rule.Post),
            HttpRule.PatternOneofCase.Put => ("put", rule.Put),
            HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
            _ => throw new InvalidOperationException($"{method.FullName}: HTTP rule {rule.PatternCase} is not transcoded"),
        };
        var variables = new List<string>();
        // {field} or {field=segments/*}: the path parameter is the field, named by its JSON name.
        var openApiPath = Variable().Replace(path, m =>
        {
            var name = m.Groups["field"].Value;
            variables.Add(name);
            return "{" + (method.InputType.FindFieldByName(name)?.JsonName ?? name) + "}";
        });
        return (verb, new PathTemplate(openApiPath, variables));
    }

    [GeneratedRegex(@"\{(?<field>[a-z0-9_.]+)(=[^}]*)?\}")]
    private static partial Regex Variable();

    /// <summary>UTF-8 bytes of the document, for the endpoint.</summary>
    public static byte[] Utf8 => Encoding.UTF8.GetBytes(Text);
}
