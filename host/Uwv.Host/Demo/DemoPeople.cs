using System.Globalization;

namespace Uwv.Host.Demo;

/// <summary>Made-up people for the demo: valid BSNs (elfproef), Dutch names, Arnhem postcodes per area team. Deterministic.</summary>
public static class DemoPeople
{
    private static readonly string[] FirstNames =
    [
        "Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gerrit", "Hanna", "Ibrahim", "Jolanda", "Kees", "Lisa", "Mohammed",
        "Nienke", "Orhan", "Petra", "Quinten", "Ria", "Sven", "Tamara", "Umut", "Vera", "Willem", "Yara", "Zeynep",
    ];

    private static readonly string[] LastNames =
    [
        "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
        "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "El Amrani", "Kaya",
    ];

    /// <summary>The postcode ranges (PC4) of the Arnhem area teams, as in the platform settings.</summary>
    public static readonly IReadOnlyDictionary<string, (int From, int To)> TeamRanges = new Dictionary<string, (int, int)>
    {
        ["arnhem-centrum"] = (6811, 6815),
        ["arnhem-noord"] = (6816, 6829),
        ["arnhem-zuid"] = (6830, 6846),
    };

    /// <summary>A nine-digit BSN passing the elfproef, unique per index (the demo's range starts at 7).</summary>
    public static string Bsn(int seed, long index)
    {
        for (var attempt = 0L; ; attempt++)
        {
            var body = 70_000_000 + (((seed & 0xFFFF) * 7919L + (index * 13) + attempt) % 29_999_999);
            var digits = body.ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (digits[i] - '0');
            }
            var check = sum % 11;
            if (check <= 9)
            {
                return digits + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Whether a BSN passes the elfproef (the check the client register applies).</summary>
    public static bool PassesElfproef(string bsn)
    {
        if (bsn.Length != 9 || !bsn.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }
        return (sum - (bsn[8] - '0')) % 11 == 0;
    }

    public static string Name(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    public static string DateOfBirth(Random random, DateOnly today) =>
        today.AddYears(-random.Next(19, 66)).AddDays(-random.Next(0, 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A postcode in the team's area, e.g. "6821 KX".</summary>
    public static string Postcode(Random random, string team)
    {
        var (from, to) = TeamRanges[team];
        var letters = "ABCDEGHJKLMNPRTVWXZ"; // no F, I, O, Q, U, Y, and no S (SA, SD, SS are not used)
        return $"{random.Next(from, to + 1)} {letters[random.Next(letters.Length)]}{letters[random.Next(letters.Length)]}";
    }
}
