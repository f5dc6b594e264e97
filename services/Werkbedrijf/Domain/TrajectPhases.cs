using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Werkbedrijf.Domain;

/// <summary>
/// The re-integratietraject follows the phases of the integrative conversation model in order: contact maken,
/// verkennen, doelen stellen, actie; then afgerond. No phase is skipped or revisited. Pure rules.
/// </summary>
public static class TrajectPhases
{
    public static readonly IReadOnlyList<TrajectPhase> Order =
        [TrajectPhase.ContactMaken, TrajectPhase.Verkennen, TrajectPhase.DoelenStellen, TrajectPhase.Actie, TrajectPhase.Afgerond];

    public static TrajectPhase? Next(TrajectPhase phase)
    {
        var i = Order.ToList().IndexOf(phase);
        return i >= 0 && i < Order.Count - 1 ? Order[i + 1] : null;
    }

    public static Refusal? Advance(TrajectPhase from, TrajectPhase to)
    {
        if (from == TrajectPhase.Afgerond)
        {
            return Closed;
        }
        return Next(from) == to
            ? null
            : new("phase-order", $"after {Name(from)} comes {Name(Next(from)!.Value)}; phases are not skipped or revisited");
    }

    /// <summary>Goals are set in phase "doelen stellen" (and may be added while acting on them).</summary>
    public static Refusal? RecordDoel(TrajectPhase phase) =>
        phase == TrajectPhase.Afgerond ? Closed
        : phase is TrajectPhase.DoelenStellen or TrajectPhase.Actie ? null
        : new("doelen-from-doelen-stellen", $"goals are set from phase doelen stellen on; the traject is in {Name(phase)}");

    /// <summary>Agreements (afspraken) are made in any phase of a running traject.</summary>
    public static Refusal? RecordAfspraak(TrajectPhase phase) => phase == TrajectPhase.Afgerond ? Closed : null;

    public static string Name(TrajectPhase phase) => phase switch
    {
        TrajectPhase.ContactMaken => "contact-maken",
        TrajectPhase.Verkennen => "verkennen",
        TrajectPhase.DoelenStellen => "doelen-stellen",
        TrajectPhase.Actie => "actie",
        TrajectPhase.Afgerond => "afgerond",
        _ => "onbekend",
    };

    private static readonly Refusal Closed = new("traject-afgerond", "the traject is afgerond; start a new one");
}
