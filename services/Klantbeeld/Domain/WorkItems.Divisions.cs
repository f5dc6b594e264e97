using Uwv.Contracts.Events;
using Uwv.Calendar;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The divisions' deadlines on the worklist: open terugbelverzoeken, the bezwaar's contact term and beslistermijn,
/// and the herkeuring call. A date deadline is due at the end of that office day.
/// </summary>
public static partial class WorkItems
{
    public static IEnumerable<WorkItem> Divisions(KlantbeeldDocument doc, OfficeHours office)
    {
        var name = doc.Name ?? "";
        var client = doc.ClientId.ToString("N");
        foreach (var t in doc.Terugbelverzoeken.Where(t => t.CompletedAt is null))
        {
            yield return new WorkItem($"{client}:terugbel:{t.TerugbelverzoekId:N}", doc.ClientId, name, "terugbelverzoek", t.Division, "",
                t.DueAt, $"Terugbellen: {t.Subject}", t.DueAt);
        }
        foreach (var b in doc.Bezwaren.Where(b => b.Status == "in-behandeling"))
        {
            if (b.ContactedOn is null)
            {
                yield return new WorkItem($"{client}:bezwaar-contact:{b.BezwaarId:N}", doc.ClientId, name, "bezwaar-contact",
                    DivisionCode.BezwaarBeroep, "", EndOfDay(b.ContactDueOn, office), "Contact opnemen over bezwaar (5 werkdagen)", EndOfDay(b.ReceivedOn, office));
            }
            if (b.BeslistermijnEndsOn is { } ends)
            {
                yield return new WorkItem($"{client}:bezwaar-termijn:{b.BezwaarId:N}", doc.ClientId, name, "bezwaar-beslistermijn",
                    DivisionCode.BezwaarBeroep, "", EndOfDay(ends, office), "Beslissen op bezwaar (beslistermijn)", EndOfDay(b.ReceivedOn, office));
            }
        }
        foreach (var h in doc.Herkeuringsaanvragen.Where(h => h.CalledOn is null))
        {
            yield return new WorkItem($"{client}:herkeuring:{h.AanvraagId:N}", doc.ClientId, name, "herkeuring-bellen",
                DivisionCode.Smz, "", EndOfDay(h.CallDueOn, office), "Cliënt bellen over herkeuringsaanvraag", EndOfDay(h.ReceivedOn, office));
        }
    }

    private static DateTimeOffset EndOfDay(DateOnly day, OfficeHours office)
    {
        var local = day.ToDateTime(office.Closing);
        return new DateTimeOffset(local, office.TimeZone.GetUtcOffset(local));
    }
}
