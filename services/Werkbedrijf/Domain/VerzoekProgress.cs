using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Werkbedrijf.Domain;

/// <summary>Counts of herbeoordelingsverzoeken for one area team (or all).</summary>
public sealed record VerzoekTally(string AreaTeam, int Open, int PickedUp, int Answered, int AnsweredAoChanged)
{
    public int Unanswered => Open + PickedUp;
}

/// <summary>
/// A herbeoordelingsverzoek moves open -> picked up -> answered, driven by SMZ's events. Events may arrive late or twice:
/// the state only moves forward. Pure rules.
/// </summary>
public static class VerzoekProgress
{
    public static Refusal? Open(bool clientHasUnansweredVerzoek) =>
        clientHasUnansweredVerzoek ? new("one-open-verzoek", "the client already has a herbeoordelingsverzoek that SMZ has not answered") : null;

    /// <summary>The state after an event moving to <paramref name="to"/>: never backwards.</summary>
    public static VerzoekState Advance(VerzoekState current, VerzoekState to) => to > current ? to : current;

    public static IReadOnlyList<VerzoekTally> Count(IEnumerable<(string AreaTeam, VerzoekState State, bool AoChanged)> verzoeken) =>
        verzoeken.GroupBy(v => v.AreaTeam).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new VerzoekTally(
            g.Key,
            g.Count(v => v.State == VerzoekState.Open),
            g.Count(v => v.State == VerzoekState.PickedUp),
            g.Count(v => v.State == VerzoekState.Answered),
            g.Count(v => v.State == VerzoekState.Answered && v.AoChanged))).ToList();
}
