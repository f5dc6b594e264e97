using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Smz.Domain;

/// <summary>A client's re-integratie ownership as SMZ keeps it: a WGA outcome, and who owns the re-integratie (if anyone).</summary>
public sealed record ReintegratieState(bool Wga, string? Owner)
{
    /// <summary>A WGA client nobody owns the re-integratie of: the 2,300 clients of the herstelactie WIA/WGA were these.</summary>
    public bool NeedsOwner => Wga && Owner is null;
}

/// <summary>
/// The WGA safeguard: a client with a WGA outcome (AO klasse 35-80 or 80-100 WGA) must have an owner for re-integratie
/// before SMZ closes the dossier: a handover to Werkbedrijf that Werkbedrijf accepted, or a teamleider's written reason
/// why none is needed. Pure rules.
/// </summary>
public static class ReintegratieOwnership
{
    public const string Werkbedrijf = "werkbedrijf";
    public const string NotNeeded = "not-needed";

    /// <summary>Closing the SMZ dossier of a WGA client without a re-integratie owner.</summary>
    public const string OwnerRule = "wga-reintegratie-owner";
    /// <summary>Only a WGA outcome needs an owner, so only then can one be found unnecessary.</summary>
    public const string WgaOutcomeRule = "wga-outcome";
    /// <summary>The re-integratie already has an owner (Werkbedrijf, or a reason recorded before).</summary>
    public const string OwnerKnownRule = "reintegratie-owner-known";

    public static bool IsWga(AoKlasse klasse) => klasse is AoKlasse._3580 or AoKlasse._80100Wga;

    /// <summary>
    /// After a new beoordeling: the WGA outcome follows the latest beoordeling. An accepted Werkbedrijf handover stays the
    /// owner; a teamleider's reason was about the earlier outcome, so a new WGA outcome asks the question again.
    /// </summary>
    public static ReintegratieState AfterBeoordeling(ReintegratieState? state, AoKlasse klasse) =>
        new(IsWga(klasse), state?.Owner == Werkbedrijf ? Werkbedrijf : IsWga(klasse) ? null : state?.Owner);

    /// <summary>Werkbedrijf accepted a handover of the client: it owns the re-integratie, whatever the outcome.</summary>
    public static ReintegratieState AfterWerkbedrijfAccepted(ReintegratieState? state) => new(state?.Wga ?? false, Werkbedrijf);

    /// <summary>A teamleider records why no re-integratie by Werkbedrijf is needed.</summary>
    public static Refusal? MayRecordNotNeeded(ReintegratieState? state) => state switch
    {
        null or { Wga: false } => new Refusal(WgaOutcomeRule, "the client has no WGA outcome (AO klasse 35-80 or 80-100 WGA); no re-integratie owner is needed"),
        { Owner: Werkbedrijf } => new Refusal(OwnerKnownRule, "Werkbedrijf accepted the client's re-integratie already"),
        { Owner: not null } => new Refusal(OwnerKnownRule, "a reason why no re-integratie is needed was recorded already"),
        _ => null,
    };

    /// <summary>SMZ closes a dossier of the client: refused while a WGA client has no re-integratie owner.</summary>
    public static Refusal? MayCloseDossier(ReintegratieState? state) => state is { NeedsOwner: true }
        ? new Refusal(OwnerRule,
            "the client has a WGA outcome and nobody owns the re-integratie: hand the dossier over to Werkbedrijf (accepted there), or a teamleider records why none is needed (RecordReintegratieNotNeeded)")
        : null;
}
