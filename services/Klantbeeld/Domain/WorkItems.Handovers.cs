namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// Open handovers on the worklist. A transferred or escalated handover waits for the receiving team (due: its
/// acceptance deadline); one still being prepared or sent back waits for the sending division.
/// </summary>
public static partial class WorkItems
{
    private static readonly HashSet<string> Closed = ["accepted", "cancelled"];
    private static readonly HashSet<string> AtReceiver = ["transferred", "escalated"];

    public static IEnumerable<WorkItem> Handovers(KlantbeeldDocument doc) =>
        doc.Handovers
            .Where(h => !Closed.Contains(h.State))
            .Select(h => new WorkItem($"{doc.ClientId:N}:handover:{h.HandoverId:N}", doc.ClientId, doc.Name ?? "", "handover",
                AtReceiver.Contains(h.State) ? h.ToDivision : h.FromDivision, "", h.DueAt,
                $"Overdracht {KlantreisStatus.Name(h.FromDivision)} → {KlantreisStatus.Name(h.ToDivision)} ({HandoverStateName(h.State)})"
                    + (h.Casusoverleg ? " — casusoverleg" : ""),
                h.RequestedAt) { Stand = h.State });

    /// <summary>A handover's state in the Dutch of the web's mapping (the worklist title is read as it is).</summary>
    public static string HandoverStateName(string state) => state switch
    {
        "requested" => "aangevraagd",
        "nazorg-pending" => "wacht op nazorg",
        "ready" => "klaar voor overdracht",
        "transferred" => "overgedragen, wacht op acceptatie",
        "escalated" => "geëscaleerd",
        "returned" => "teruggestuurd",
        "accepted" => "geaccepteerd",
        "cancelled" => "ingetrokken",
        _ => state,
    };
}
