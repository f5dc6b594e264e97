using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Configuration;

/// <summary>
/// docs/configuration.md lists every setting the code reads, with its environment variable and its default: a
/// setting read in code (an options class's property, or a key read by name) that the reference does not list fails
/// here, and so does a listed default that is not the options class's default.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    private static readonly string Reference = Path.Combine(RepoPaths.Root, "docs", "configuration.md");
    private const string NoValue = "—";

    [Fact]
    public void EveryOptionsProperty_IsListed_WithItsDefault()
    {
        var listed = Listed();
        var problems = new List<string>();
        foreach (var (key, value) in OptionsSettings())
        {
            if (!listed.TryGetValue(key, out var row))
            {
                problems.Add($"| `{key}` | `{EnvironmentName(key)}` | {value} | ... |  (not listed)");
            }
            else if (value is not null && row.Default != value)
            {
                problems.Add($"`{key}`: listed default {row.Default}, the code's default is {value}");
            }
        }
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    [Fact]
    public void EveryKeyReadByName_IsListed()
    {
        var listed = Listed();
        var missing = KeysReadByName().Where(key => !IsListed(key, listed)).Select(k => $"`{k}`").ToList();
        missing.ShouldBeEmpty("read in code but not in docs/configuration.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryListedSetting_NamesItsEnvironmentVariable()
    {
        // A list or map is set element by element: its variable is written as the key's, then "__*".
        var wrong = Listed().Values
            .Where(r => r.Environment != EnvironmentName(r.Key) && r.Environment != EnvironmentName(r.Key) + "__*")
            .Select(r => $"`{r.Key}`: `{r.Environment}`").ToList();
        wrong.ShouldBeEmpty(string.Join(", ", wrong));
    }

    /// <summary>A key is listed as itself, or under a listed pattern (<c>Services:*</c>), or is a section of listed keys.</summary>
    private static bool IsListed(string key, IReadOnlyDictionary<string, Row> listed) =>
        listed.ContainsKey(key)
        || listed.Keys.Any(k => k.Contains('*') && Regex.IsMatch(key, "^" + Regex.Escape(k).Replace("\\*", "[^:]+") + "$"))
        || listed.Keys.Any(k => k.StartsWith(key + ":", StringComparison.Ordinal));

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private sealed record Row(string Key, string Environment, string Default);

    private static Dictionary<string, Row> Listed() =>
        File.ReadLines(Reference)
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .Select(m => new Row(m.Groups["key"].Value, m.Groups["env"].Value, m.Groups["default"].Value.Trim()))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);

    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \| `(?<env>[^`]+)` \| (?<default>[^|]*)\|")]
    private static partial Regex TableRow();

    /// <summary>
    /// Every settable property of every options class (a class with a <c>Section</c> constant) of the platform's
    /// assemblies, with its default as the reference writes it; a property of a nested settings class is listed under
    /// its parent's key. Collections and maps are listed as one key without a default to compare.
    /// </summary>
    private static IEnumerable<(string Key, string? Default)> OptionsSettings()
    {
        var types = PlatformAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in types)
        {
            var section = (string)type.GetField("Section")!.GetRawConstantValue()!;
            foreach (var setting in Properties(section, type, Activator.CreateInstance(type)!))
            {
                yield return setting;
            }
        }
    }

    private static IEnumerable<(string Key, string? Default)> Properties(string prefix, Type type, object instance)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}:{property.Name}";
            var value = property.GetValue(instance);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsNestedSettings(propertyType) && value is not null)
            {
                foreach (var nested in Properties(key, propertyType, value))
                {
                    yield return nested;
                }
                continue;
            }
            yield return (key, IsScalar(propertyType) ? Format(value) : null);
        }
    }

    private static bool IsNestedSettings(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Uwv", StringComparison.Ordinal) == true
        && type.GetConstructor(Type.EmptyTypes) is not null;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(TimeOnly);

    private static string Format(object? value) => value switch
    {
        null => NoValue,
        "" => NoValue,
        bool b => $"`{(b ? "true" : "false")}`",
        TimeSpan t => $"`{t.ToString("c", CultureInfo.InvariantCulture)}`",
        TimeOnly t => $"`{t.ToString("HH:mm", CultureInfo.InvariantCulture)}`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    private static IEnumerable<Assembly> PlatformAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Uwv.*.dll")
            .Where(f => !Path.GetFileName(f).Contains("Tests", StringComparison.Ordinal) && !f.EndsWith("Uwv.Testing.dll", StringComparison.Ordinal))
            .Select(f => Assembly.LoadFrom(f));

    /// <summary>Keys the code reads by name: literal "Section:Key" strings, configuration["KEY"], connection strings, sections.</summary>
    private static IEnumerable<string> KeysReadByName()
    {
        var sources = new[] { "services", "gateway", "host" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                // Generated EF Core migrations: their model annotations ("Relational:MaxIdentifierLength") are not settings.
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in sources.Select(File.ReadAllText))
        {
            keys.UnionWith(SectionKey().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(IndexedKey().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(ConnectionString().Matches(text).Select(m => "ConnectionStrings:" + m.Groups[1].Value));
            keys.UnionWith(NamedSection().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(InterpolatedKey().Matches(text).Select(m => m.Groups[1].Value + ":*"));
        }
        return keys;
    }

    [GeneratedRegex("\"([A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+)\"")]
    private static partial Regex SectionKey();

    [GeneratedRegex("[Cc]onfiguration\\[\"([A-Za-z_]+)\"\\]")]
    private static partial Regex IndexedKey();

    [GeneratedRegex("GetConnectionString\\(\"([A-Za-z]+)\"\\)")]
    private static partial Regex ConnectionString();

    [GeneratedRegex("GetSection\\(\"([A-Za-z]+)\"\\)")]
    private static partial Regex NamedSection();

    [GeneratedRegex("[Cc]onfiguration\\[\\$\"([A-Z][A-Za-z]+):\\{")]
    private static partial Regex InterpolatedKey();
}
