using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>The status of the client's klantreis in plain Dutch, as an employee would say it on the phone.</summary>
public static class KlantreisStatus
{
    public static string Describe(KlantbeeldDocument doc)
    {
        var openHandover = doc.Handovers.LastOrDefault(h => h.State is not ("accepted" or "cancelled"));
        if (openHandover is not null)
        {
            return $"Het dossier gaat over van {Name(openHandover.FromDivision)} naar {Name(openHandover.ToDivision)}; "
                + "de cliënt wordt gebeld voordat het overgaat.";
        }
        var lastBeoordeling = doc.Beoordelingen.LastOrDefault();
        if (lastBeoordeling is not null)
        {
            return $"De beoordeling is afgerond op {lastBeoordeling.DecisionDate:d-M-yyyy}.";
        }
        if (doc.Dossiers.Count > 0)
        {
            return "Er loopt een dossier bij " + string.Join(" en ", doc.Dossiers.Select(d => Name(d.Division)).Distinct()) + ".";
        }
        return doc.RegisteredAt is null ? "Nog niet ingeschreven." : "Ingeschreven; er loopt nog geen dossier.";
    }

    public static string Name(DivisionCode division) => division switch
    {
        DivisionCode.Smz => "SMZ",
        DivisionCode.Werkbedrijf => "Werkbedrijf",
        DivisionCode.Uitkeren => "Uitkeren",
        DivisionCode.BezwaarBeroep => "Bezwaar en Beroep",
        _ => "onbekend",
    };
}
