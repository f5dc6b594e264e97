using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The norm deadlines on the worklist. An escalated, unresolved deadline is the teamleider's item (kind
/// <see cref="EscalationKind"/>, found with the worklist's kind filter); a beslistermijn's escalation names the dwangsom
/// risk. An open herbeoordelingsverzoek shows its due day twice: to SMZ, who answers it, and to Werkbedrijf, who waits.
/// The yearly WGA 80-100 contact is SMZ's item. Work that is warned is marked on its own item (<see cref="Warned"/>).
/// </summary>
public static partial class WorkItems
{
    public const string EscalationKind = "escalatie";
    public const string WarnedMark = " — waarschuwing: termijn bijna verstreken";

    public static IEnumerable<WorkItem> Norms(KlantbeeldDocument doc)
    {
        var name = doc.Name ?? "";
        var client = doc.ClientId.ToString("N");
        foreach (var d in doc.NormDeadlines.Where(d => d.IsOpen))
        {
            if (d.EscalatedAt is { } escalatedAt)
            {
                yield return new WorkItem($"{client}:escalatie:{d.DeadlineId:N}", doc.ClientId, name, EscalationKind, d.Division, "",
                    d.DueAt, $"Escalatie teamleider: {Label(d.Norm)} verstreken" + (d.Norm == Contracts.Events.Norms.Beslistermijn ? " — dwangsomrisico" : ""),
                    escalatedAt);
            }
            var mark = d.WarnedAt is not null && d.EscalatedAt is null ? WarnedMark : "";
            if (d.Norm == Contracts.Events.Norms.Herbeoordelingsverzoek)
            {
                yield return new WorkItem($"{client}:herbeoordelingsverzoek:{d.SubjectId:N}:smz", doc.ClientId, name, "herbeoordelingsverzoek",
                    DivisionCode.Smz, "", d.DueAt, "Herbeoordelingsverzoek van Werkbedrijf beantwoorden" + mark, d.SetAt);
                yield return new WorkItem($"{client}:herbeoordelingsverzoek:{d.SubjectId:N}:werkbedrijf", doc.ClientId, name, "herbeoordelingsverzoek",
                    DivisionCode.Werkbedrijf, "", d.DueAt, "Herbeoordelingsverzoek: antwoord van SMZ verwacht" + mark, d.SetAt);
            }
            else if (d.Norm == Contracts.Events.Norms.Wga80100Contact)
            {
                yield return new WorkItem($"{client}:wga-80-100:{d.DeadlineId:N}", doc.ClientId, name, "wga-80-100-contact",
                    DivisionCode.Smz, "", d.DueAt, "Jaarlijks contact WGA 80-100" + mark, d.SetAt);
            }
        }
    }

    /// <summary>The work items of the divisions whose norm is warned (and not yet escalated) carry the warning in their title.</summary>
    public static WorkItem Warned(WorkItem item, KlantbeeldDocument doc)
    {
        var norm = item.Kind switch
        {
            "terugbelverzoek" => Contracts.Events.Norms.Terugbelverzoek,
            "bezwaar-contact" => Contracts.Events.Norms.BezwaarContact,
            "bezwaar-beslistermijn" => Contracts.Events.Norms.Beslistermijn,
            "herkeuring-bellen" => Contracts.Events.Norms.HerkeuringCall,
            _ => null,
        };
        if (norm is null)
        {
            return item;
        }
        var warned = doc.NormDeadlines.Any(d => d.Norm == norm && d.IsOpen && d.WarnedAt is not null && d.EscalatedAt is null
            && item.Key.EndsWith(":" + d.SubjectId.ToString("N"), StringComparison.Ordinal));
        return warned ? item with { Title = item.Title + WarnedMark } : item;
    }

    public static string Label(string norm) => norm switch
    {
        Contracts.Events.Norms.Terugbelverzoek => "terugbelverzoek",
        Contracts.Events.Norms.BezwaarContact => "contact over bezwaar",
        Contracts.Events.Norms.HerkeuringCall => "bellen over herkeuringsaanvraag",
        Contracts.Events.Norms.Beslistermijn => "beslistermijn bezwaar",
        Contracts.Events.Norms.Herbeoordelingsverzoek => "antwoord op herbeoordelingsverzoek",
        Contracts.Events.Norms.Wga80100Contact => "jaarlijks contact WGA 80-100",
        _ => norm,
    };
}
