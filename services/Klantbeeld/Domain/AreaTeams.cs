using System.Globalization;
using System.Text.RegularExpressions;

namespace Uwv.Klantbeeld.Domain;

/// <summary>An integrated area team serving one fixed, contiguous postcode area.</summary>
public sealed class AreaTeam
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>PC4 ranges, "6811-6815" or a single "6820".</summary>
    public List<string> Ranges { get; set; } = [];

    public bool Serves(int pc4) => Ranges.Any(r => Parse(r) is var (from, to) && pc4 >= from && pc4 <= to);

    internal static (int From, int To) Parse(string range)
    {
        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (from, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from);
    }
}

/// <summary>The configuration of the area teams, checked before the platform starts.</summary>
public static class AreaTeamConfiguration
{
    /// <summary>
    /// Every postcode has at most one team: two teams (or two ranges of one team) that both list a PC4 are refused, as is
    /// a range that is not "dddd" or "dddd-dddd" with the first not above the second. Returns the problems, none if valid.
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<AreaTeam> teams)
    {
        var problems = new List<string>();
        var ranges = new List<(string Team, string Range, int From, int To)>();
        foreach (var team in teams)
        {
            foreach (var range in team.Ranges)
            {
                var (start, end) = Regex.IsMatch(range, @"^\s*[0-9]{4}\s*(-\s*[0-9]{4}\s*)?$") ? AreaTeam.Parse(range) : (1, 0);
                if (start > end)
                {
                    problems.Add($"area team {team.Id}: range \"{range}\" is not a PC4 range such as 6811-6815");
                    continue;
                }
                ranges.Add((team.Id, range, start, end));
            }
        }
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                var (a, b) = (ranges[i], ranges[j]);
                if (a.From <= b.To && b.From <= a.To)
                {
                    problems.Add($"area teams {a.Team} ({a.Range}) and {b.Team} ({b.Range}) overlap: "
                        + $"PC4 {Math.Max(a.From, b.From)}-{Math.Min(a.To, b.To)} would have two teams");
                }
            }
        }
        return problems;
    }

    /// <summary>Throws at start-up with every problem when the configuration is invalid.</summary>
    public static IReadOnlyList<AreaTeam> Validated(IEnumerable<AreaTeam> teams)
    {
        var list = teams.ToList();
        if (Problems(list) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The AreaTeams configuration is invalid: " + string.Join("; ", problems));
        }
        return list;
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
