using Uwv.Contracts.Smz.V1;

namespace Uwv.Smz.Domain;

/// <summary>An AO outcome: the class and, when known, the percentage.</summary>
public sealed record AoOutcome(Guid BeoordelingId, AoKlasse Klasse, int? Percentage, DateOnly DecisionDate, DateTimeOffset RecordedAt);

/// <summary>
/// The arbeidsongeschiktheidsklassen: below 35%, 35-80%, 80-100% (WGA when recovery is possible, IVA when fully and
/// durably incapacitated). Pure rules.
/// </summary>
public static class AoKlassen
{
    /// <summary>Whether <paramref name="percentage"/> falls in <paramref name="klasse"/>.</summary>
    public static bool Matches(AoKlasse klasse, int percentage) => klasse switch
    {
        AoKlasse.Below35 => percentage is >= 0 and < 35,
        AoKlasse._3580 => percentage is >= 35 and < 80,
        AoKlasse._80100Wga or AoKlasse.Iva => percentage is >= 80 and <= 100,
        _ => false,
    };

    /// <summary>The beoordeling before <paramref name="current"/> (by decision date, then recording), or null.</summary>
    public static AoOutcome? Previous(IEnumerable<AoOutcome> all, AoOutcome current) =>
        all.Where(b => b.BeoordelingId != current.BeoordelingId
                && (b.DecisionDate < current.DecisionDate || (b.DecisionDate == current.DecisionDate && b.RecordedAt < current.RecordedAt)))
            .OrderBy(b => b.DecisionDate).ThenBy(b => b.RecordedAt)
            .LastOrDefault();

    /// <summary>The AO% changed: another class, or (both known) another percentage.</summary>
    public static bool Changed(AoOutcome previous, AoOutcome current) =>
        previous.Klasse != current.Klasse
        || (previous.Percentage is { } before && current.Percentage is { } after && before != after);
}
