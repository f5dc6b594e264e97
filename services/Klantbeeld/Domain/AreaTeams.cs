using System.Globalization;

namespace Uwv.Klantbeeld.Domain;

/// <summary>An integrated area team serving one fixed, contiguous postcode area.</summary>
public sealed class AreaTeam
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>PC4 ranges, "6811-6815" or a single "6820".</summary>
    public List<string> Ranges { get; set; } = [];

    public bool Serves(int pc4) => Ranges.Any(r => Parse(r) is var (from, to) && pc4 >= from && pc4 <= to);

    private static (int From, int To) Parse(string range)
    {
        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (from, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from);
    }
}

/// <summary>Which team serves a postcode. A postcode outside every team's area has no team.</summary>
public sealed class AreaTeamDirectory(IEnumerable<AreaTeam> teams)
{
    private readonly List<AreaTeam> _teams = teams.ToList();

    public IReadOnlyList<AreaTeam> Teams => _teams;

    public AreaTeam? TeamFor(string normalizedPostcode) =>
        _teams.FirstOrDefault(t => t.Serves(Postcode.Pc4(normalizedPostcode)));
}
