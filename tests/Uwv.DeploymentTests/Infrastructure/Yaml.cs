using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>
/// YAML documents as JSON nodes, so the checks read like the Kubernetes API objects they are.
/// Plain scalars become numbers, booleans or null where YAML 1.2 reads them so; quoted ones stay strings.
/// </summary>
public static class Yaml
{
    public static IReadOnlyList<JsonObject> ParseDocuments(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents
            .Select(d => ToJson(d.RootNode))
            .OfType<JsonObject>()
            .ToList();
    }

    public static JsonObject ParseFile(string path) =>
        ParseDocuments(File.ReadAllText(path)).SingleOrDefault()
        ?? throw new InvalidOperationException($"{path} does not hold exactly one YAML document");

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        if (value is "" or "null" or "~")
        {
            return null;
        }
        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            // Parsed rather than created, so the value reads as int or long alike.
            return JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(value);
    }
}
