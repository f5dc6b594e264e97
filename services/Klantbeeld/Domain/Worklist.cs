using Uwv.Calendar;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The open work a client's picture puts on their area team's worklist: a pure function of the picture, so the
/// worklist index can be kept in step with every document change (remove the old items, add the new ones).
/// </summary>
public static class Worklist
{
    public static IReadOnlyList<WorkItem> ItemsOf(KlantbeeldDocument? doc, OfficeHours office)
    {
        if (doc?.AreaTeam is null || doc.RegisteredAt is null)
        {
            return [];
        }
        var name = doc.Name ?? "";
        var items = doc.Dossiers
            .Where(d => d.Status == "open")
            .Select(d => new WorkItem($"{doc.ClientId:N}:dossier:{d.DossierId:N}", doc.ClientId, name, "dossier", d.Division,
                d.OwnerEmployee, null, $"Dossier {KlantreisStatus.Name(d.Division)}", d.OpenedAt))
            .Concat(WorkItems.Divisions(doc, office).Select(i => WorkItems.Warned(i, doc)))
            .Concat(WorkItems.Handovers(doc))
            .Concat(WorkItems.Norms(doc));
        return items.OrderBy(i => i.Score).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
    }
}
