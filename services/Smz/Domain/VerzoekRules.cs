using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Smz.Domain;

/// <summary>SMZ's side of a herbeoordelingsverzoek from Werkbedrijf: picked up, then answered with a herbeoordeling. Pure rules.</summary>
public static class VerzoekRules
{
    public static Refusal? PickUp(VerzoekState state) =>
        state == VerzoekState.Open ? null : new("verzoek-open", "the verzoek was already picked up");

    public static Refusal? Answer(VerzoekState state, BeoordelingType type, DateTimeOffset recordedAt, DateTimeOffset verzoekReceivedAt, bool earlierKnown)
    {
        if (state != VerzoekState.PickedUp)
        {
            return new("verzoek-picked-up", state == VerzoekState.Answered ? "the verzoek was already answered" : "pick the verzoek up before answering it");
        }
        if (type != BeoordelingType.Herbeoordeling)
        {
            return new("answer-with-herbeoordeling", "a herbeoordelingsverzoek is answered with a herbeoordeling");
        }
        if (recordedAt < verzoekReceivedAt)
        {
            return new("herbeoordeling-after-verzoek", "the herbeoordeling must be recorded after the verzoek came in");
        }
        return earlierKnown ? null : new("earlier-beoordeling-known", "no earlier beoordeling of this client is recorded to compare the AO% with");
    }
}
