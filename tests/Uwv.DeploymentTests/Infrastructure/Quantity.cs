using System.Globalization;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>Kubernetes resource quantities ("250m", "1", "512Mi", "1Gi") as numbers, for comparing requests with limits.</summary>
public static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("m", 0.001m),
    ];

    public static decimal Parse(string quantity)
    {
        foreach (var (suffix, factor) in Suffixes)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                return decimal.Parse(quantity[..^suffix.Length], NumberStyles.Number, CultureInfo.InvariantCulture) * factor;
            }
        }
        return decimal.Parse(quantity, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
