namespace Uwv.Klantbeeld.Domain;

/// <summary>Burgerservicenummer: nine digits that pass the elfproef.</summary>
public static class Bsn
{
    /// <summary>
    /// The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero).
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (value[i] - '0');
        }
        sum -= value[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }

    /// <summary>For screens that must hint at a BSN without showing it: only the last three digits.</summary>
    public static string Masked(string bsn) => bsn.Length == 9 ? "******" + bsn[6..] : "*********";
}
