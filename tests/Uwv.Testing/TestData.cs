namespace Uwv.Testing;

/// <summary>Valid, unique test data: BSNs that pass the elfproef, Arnhem postcodes per team.</summary>
public static class TestData
{
    private static int _counter = Random.Shared.Next(10_000_000, 80_000_000);

    /// <summary>A fresh nine-digit number passing the elfproef.</summary>
    public static string NewBsn()
    {
        while (true)
        {
            var candidate = Interlocked.Increment(ref _counter).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (candidate[i] - '0');
            }
            // Choose the check digit d9 with sum - d9 ≡ 0 (mod 11).
            var check = sum % 11;
            if (check <= 9 && sum - check != 0)
            {
                return candidate + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>
    /// Today on the platform's calendar (Europe/Amsterdam), the date the browser and the services see. The UTC date
    /// is a day behind between 23:00 and 24:00 UTC (22:00 in summer), which made date-relative tests flaky.
    /// </summary>
    public static DateTime DutchToday =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Date;

    public const string NoordPostcode = "6821 AB";
    public const string ZuidPostcode = "6836 CD";
    public const string CentrumPostcode = "6811 EF";
}
