using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The norm deadline events in the picture. Returns null for another event. Idempotent and order-tolerant: the newest
/// NormDeadlineSet gives the due moment, and warned, escalated and resolved are set once and never unset.
/// </summary>
public static class NormProjection
{
    public static KlantbeeldDocument? Apply(KlantbeeldDocument doc, IClientEvent @event) => @event switch
    {
        NormDeadlineSet e => Change(doc, e.DeadlineId, () => New(e.DeadlineId, e.Norm, e.Category, e.SubjectId, e.Division, e.DueAt) with { SetAt = e.OccurredAt },
            v => e.OccurredAt > v.SetAt ? v with { DueAt = e.DueAt, SetAt = e.OccurredAt } : v),
        NormDeadlineWarned e => Change(doc, e.DeadlineId, () => New(e.DeadlineId, e.Norm, e.Category, e.SubjectId, e.Division, e.DueAt),
            v => v with { WarnedAt = v.WarnedAt ?? e.OccurredAt }),
        NormDeadlineEscalated e => Change(doc, e.DeadlineId, () => New(e.DeadlineId, e.Norm, e.Category, e.SubjectId, e.Division, e.DueAt),
            v => v with { EscalatedAt = v.EscalatedAt ?? e.OccurredAt }),
        NormDeadlineResolved e => Change(doc, e.DeadlineId, () => New(e.DeadlineId, e.Norm, e.Category, e.SubjectId, e.Division, e.DueAt),
            v => v.ResolvedAt is null ? v with { ResolvedAt = e.ResolvedAt, Outcome = e.Outcome } : v),
        _ => null,
    };

    private static NormDeadlineView New(Guid id, string norm, string category, Guid subjectId, DivisionCode division, DateTimeOffset dueAt) =>
        new(id, norm, category, subjectId, division, dueAt, DateTimeOffset.MinValue, null, null, null, null);

    private static KlantbeeldDocument Change(KlantbeeldDocument doc, Guid id, Func<NormDeadlineView> create, Func<NormDeadlineView, NormDeadlineView> apply)
    {
        var existing = doc.NormDeadlines.FirstOrDefault(d => d.DeadlineId == id);
        var updated = apply(existing ?? create());
        if (updated == existing)
        {
            return doc;
        }
        return doc with
        {
            NormDeadlines = doc.NormDeadlines.Where(d => d.DeadlineId != id).Append(updated)
                .OrderBy(d => d.DueAt).ThenBy(d => d.DeadlineId).ToList(),
        };
    }
}
