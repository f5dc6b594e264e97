using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace Uwv.Gateway.OpenApi;

/// <summary>
/// JSON schemas of protobuf messages as the JSON transcoding writes and reads them (the proto3 JSON mapping): fields by
/// their JSON name, enums as their value names, 64-bit integers as strings, bytes as base64, repeated fields as arrays,
/// maps as objects. Each message becomes one schema in components/schemas, named by its full proto name.
/// </summary>
internal sealed class ProtoJsonSchemas
{
    private readonly SortedDictionary<string, JsonNode> _schemas = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var schemas = new JsonObject();
        foreach (var (name, schema) in _schemas)
        {
            schemas[name] = schema.DeepClone();
        }
        return schemas;
    }

    /// <summary>A reference to the message's schema, adding it (and every message it uses) on first use.</summary>
    public JsonObject Reference(MessageDescriptor message)
    {
        Add(message);
        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }

    /// <summary>The message's schema with some fields left out (those bound to the path), inline.</summary>
    public JsonObject Inline(MessageDescriptor message, IReadOnlySet<string> without)
    {
        var properties = new JsonObject();
        foreach (var field in message.Fields.InFieldNumberOrder().Where(f => !without.Contains(f.Name)))
        {
            properties[field.JsonName] = Field(field);
        }
        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    /// <summary>The schema of one field's value.</summary>
    public JsonObject Field(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(value) };
        }
        return field.IsRepeated
            ? new JsonObject { ["type"] = "array", ["items"] = Single(field) }
            : Single(field);
    }

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Bool => Type("boolean"),
        FieldType.String => Type("string"),
        FieldType.Bytes => Type("string", "byte"),
        FieldType.Double => Type("number", "double"),
        FieldType.Float => Type("number", "float"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Type("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Type("integer", "int64"),
        // The proto3 JSON mapping writes 64-bit integers as strings: a JavaScript number cannot hold them.
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Type("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Type("string", "uint64"),
        FieldType.Enum => Enum(field.EnumType),
        FieldType.Message or FieldType.Group => Message(field.MessageType),
        _ => throw new InvalidOperationException($"{field.FullName}: field type {field.FieldType} has no JSON schema"),
    };

    private JsonObject Message(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Type("string", "date-time"),
        "google.protobuf.Duration" or "google.protobuf.FieldMask" => Type("string"),
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A message of the type its @type names, with that message's fields beside @type.",
            ["properties"] = new JsonObject { ["@type"] = Type("string") },
            ["additionalProperties"] = true,
        },
        _ => Reference(message),
    };

    private static JsonObject Enum(EnumDescriptor type) => new()
    {
        ["type"] = "string",
        ["enum"] = new JsonArray(type.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)).ToArray()),
    };

    private void Add(MessageDescriptor message)
    {
        if (_schemas.ContainsKey(message.FullName))
        {
            return;
        }
        var properties = new JsonObject();
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        _schemas[message.FullName] = schema;
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            properties[field.JsonName] = Field(field);
        }
    }

    private static JsonObject Type(string type, string? format = null) =>
        format is null ? new JsonObject { ["type"] = type } : new JsonObject { ["type"] = type, ["format"] = format };
}
