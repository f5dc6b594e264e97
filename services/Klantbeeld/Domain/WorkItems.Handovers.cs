namespace Uwv.Klantbeeld.Domain;

/// <summary>Work items the handover part of the picture puts on the worklist: open handovers.</summary>
public static partial class WorkItems
{
    public static IEnumerable<WorkItem> Handovers(KlantbeeldDocument doc) =>
        doc.Handovers
            .Where(h => h.State is not ("accepted" or "cancelled"))
            .Select(h => new WorkItem($"{doc.ClientId:N}:handover:{h.HandoverId:N}", doc.ClientId, doc.Name ?? "", "handover",
                h.ToDivision, "", null, $"Overdracht {KlantreisStatus.Name(h.FromDivision)} → {KlantreisStatus.Name(h.ToDivision)} ({h.State})",
                h.RequestedAt));
}
