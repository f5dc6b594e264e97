using System.Text.Json.Nodes;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// Where two JSON documents differ, as paths with both values. Values of fields that hold personal data are not shown,
/// so a failing test can be read (and its output kept) without a BSN or a name in it.
/// </summary>
public static class JsonDifferences
{
    private static readonly HashSet<string> Personal = new(StringComparer.OrdinalIgnoreCase)
    {
        "bsn", "name", "clientName", "dateOfBirth", "postcode", "oldPostcode", "newPostcode", "note", "subject", "reason", "fmlSummary",
    };

    public static IReadOnlyList<string> Of(string before, string after, int max = 10)
    {
        var differences = new List<string>();
        try
        {
            Walk("$", JsonNode.Parse(before), JsonNode.Parse(after), differences);
        }
        catch (System.Text.Json.JsonException)
        {
            return ["(not JSON)"];
        }
        return differences.Take(max).ToList();
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<string> differences)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    Walk($"{path}.{key}", x[key], y[key], differences);
                }
                break;
            case (JsonArray x, JsonArray y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                {
                    Walk($"{path}[{i}]", x[i], y[i], differences);
                }
                break;
            case (JsonArray x, JsonArray y):
                differences.Add($"{path}: {x.Count} items before, {y.Count} after");
                break;
            default:
                if (!JsonNode.DeepEquals(a, b))
                {
                    var field = path[(path.LastIndexOf('.') + 1)..];
                    differences.Add(Personal.Contains(field) ? $"{path} differs" : $"{path}: {a?.ToJsonString() ?? "null"} before, {b?.ToJsonString() ?? "null"} after");
                }
                break;
        }
    }
}
