namespace Uwv.Klantbeeld.Domain;

/// <summary>Work items the divisions' parts of the picture put on the worklist (callbacks, bezwaar terms, SLAs).</summary>
public static partial class WorkItems
{
    public static IEnumerable<WorkItem> Divisions(KlantbeeldDocument doc) => [];
}
