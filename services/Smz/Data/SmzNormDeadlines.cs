using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Deadlines;

namespace Uwv.Smz.Data;

/// <summary>
/// SMZ's norm deadlines, kept in step with its work in the caller's unit of work: the herkeuring call (5 calendar days),
/// the answer to a herbeoordelingsverzoek (the configured working days) and the yearly WGA 80-100 contact.
/// </summary>
public static class SmzNormDeadlines
{
    public static void SetHerkeuringCall(SmzDbContext db, HerkeuringsaanvraagRecord a, OfficeHours office, DateTimeOffset now) =>
        db.SetNorm(new NormSubject(Norms.HerkeuringCall, "", a.AanvraagId, a.ClientId, DivisionCode.Smz, a.AreaTeam),
            NormTerms.HerkeuringCall(a.ReceivedOn, office), now);

    /// <summary>A call that reached the client resolves the norm by its day; an unanswered call leaves it open.</summary>
    public static Task ResolveHerkeuringCallAsync(SmzDbContext db, HerkeuringsaanvraagRecord a, OfficeHours office, DateTimeOffset now, CancellationToken ct)
    {
        if (a.CalledOn is not { } called)
        {
            return Task.CompletedTask;
        }
        var doneAt = NormTerms.EndOfDay(called, office);
        return db.ResolveOpenNormAsync(Norms.HerkeuringCall, a.AanvraagId, due => NormRules.Outcome(due, doneAt), doneAt, now, ct);
    }

    public static void SetHerbeoordelingsverzoek(SmzDbContext db, SmzVerzoekRecord v, int workingDays, OfficeHours office, DateTimeOffset now) =>
        db.SetNorm(new NormSubject(Norms.Herbeoordelingsverzoek, "", v.VerzoekId, v.ClientId, DivisionCode.Smz, v.AreaTeam),
            NormTerms.Herbeoordelingsverzoek(v.ReceivedAt, workingDays, office), now);

    public static Task ResolveHerbeoordelingsverzoekAsync(SmzDbContext db, SmzVerzoekRecord v, DateTimeOffset now, CancellationToken ct) =>
        db.ResolveOpenNormAsync(Norms.Herbeoordelingsverzoek, v.VerzoekId, due => NormRules.Outcome(due, now), now, now, ct);

    /// <summary>The open yearly contact deadline follows the monitoring row: set, moved to its next due day, or voided when it ends.</summary>
    public static async Task TrackWga80100Async(SmzDbContext db, Wga80100MonitoringRecord? row, Guid clientId, OfficeHours office, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.OpenNormAsync(Norms.Wga80100Contact, clientId, ct);
        if (row is null)
        {
            if (open is not null)
            {
                db.ResolveNorm(open, NormOutcomes.Void, now, now);
            }
            return;
        }
        var term = NormTerms.Wga80100Contact(row.NextContactDueOn, office);
        if (open is null)
        {
            db.SetNorm(new NormSubject(Norms.Wga80100Contact, "", clientId, clientId, DivisionCode.Smz, row.AreaTeam), term, now);
        }
        else
        {
            db.MoveNorm(open, term, now);
        }
    }

    /// <summary>The yearly contact happened on <paramref name="contactOn"/>: this year's deadline resolves, the next year's is set.</summary>
    public static async Task NoteWga80100ContactAsync(SmzDbContext db, Wga80100MonitoringRecord row, DateOnly contactOn, OfficeHours office, DateTimeOffset now, CancellationToken ct)
    {
        var doneAt = NormTerms.EndOfDay(contactOn, office);
        await db.ResolveOpenNormAsync(Norms.Wga80100Contact, row.ClientId, due => NormRules.Outcome(due, doneAt), doneAt, now, ct);
        db.SetNorm(new NormSubject(Norms.Wga80100Contact, "", row.ClientId, row.ClientId, DivisionCode.Smz, row.AreaTeam),
            NormTerms.Wga80100Contact(row.NextContactDueOn, office), now);
    }
}
