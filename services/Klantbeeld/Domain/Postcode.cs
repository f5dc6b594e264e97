namespace Uwv.Klantbeeld.Domain;

/// <summary>Dutch postcode: four digits (not starting with 0) and two letters, stored as "1234AB".</summary>
public static class Postcode
{
    private static readonly HashSet<string> ExcludedLetters = ["SA", "SD", "SS"];

    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var compact = value.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length != 6
            || compact[0] == '0'
            || !compact[..4].All(char.IsAsciiDigit)
            || !compact[4..].All(char.IsAsciiLetterUpper)
            || ExcludedLetters.Contains(compact[4..]))
        {
            return false;
        }
        normalized = compact;
        return true;
    }

    public static int Pc4(string normalized) => int.Parse(normalized.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
}
