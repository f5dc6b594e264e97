using Uwv.BezwaarBeroep.Domain;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Deadlines;

namespace Uwv.BezwaarBeroep.Data;

/// <summary>Keeps a bezwaar's two norm deadlines in step with it, in the caller's unit of work (<see cref="BezwaarNorms"/>).</summary>
public static class BezwaarNormDeadlines
{
    public static void Set(BezwaarBeroepDbContext db, BezwaarRecord b, OfficeHours office, DateTimeOffset now)
    {
        db.SetNorm(Subject(b, Norms.BezwaarContact), BezwaarNorms.ContactTerm(b, office), now);
        if (BezwaarNorms.BeslistermijnTerm(b, office) is { } term)
        {
            db.SetNorm(Subject(b, Norms.Beslistermijn), term, now);
        }
    }

    /// <summary>
    /// After a change: resolves what the change ended, moves the beslistermijn when its end moved, and suspends it while a
    /// herstel verzuim is pending (its end is unknown then; the repair gives the new end and lifts the suspension).
    /// </summary>
    public static async Task SyncAsync(BezwaarBeroepDbContext db, BezwaarRecord b, OfficeHours office, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.OpenNormAsync(Norms.BezwaarContact, b.BezwaarId, ct) is { } contact
            && BezwaarNorms.ContactOutcome(b, contact.DueAt, office) is { } contactOutcome)
        {
            var doneOn = contactOutcome == NormOutcomes.Void ? null : b.ContactedOn ?? b.DecidedOn;
            db.ResolveNorm(contact, contactOutcome, BezwaarNorms.ResolvedAt(doneOn, office, now), now);
        }
        var beslistermijn = await db.OpenNormAsync(Norms.Beslistermijn, b.BezwaarId, ct);
        if (beslistermijn is null)
        {
            if (b.Status == Contracts.BezwaarBeroep.V1.BezwaarStatus.InBehandeling && BezwaarNorms.BeslistermijnTerm(b, office) is { } first)
            {
                db.SetNorm(Subject(b, Norms.Beslistermijn), first, now);
            }
            return;
        }
        if (BezwaarNorms.BeslistermijnOutcome(b, beslistermijn.DueAt, office) is { } outcome)
        {
            db.ResolveNorm(beslistermijn, outcome, BezwaarNorms.ResolvedAt(outcome == NormOutcomes.Void ? null : b.DecidedOn, office, now), now);
        }
        else if (BezwaarNorms.BeslistermijnTerm(b, office) is { } term)
        {
            db.MoveNorm(beslistermijn, term, now);
        }
        else
        {
            db.SuspendNorm(beslistermijn, now);
        }
    }

    private static NormSubject Subject(BezwaarRecord b, string norm) =>
        new(norm, BezwaarNorms.Category(b.DecisionDivision), b.BezwaarId, b.ClientId, DivisionCode.BezwaarBeroep, b.AreaTeam);
}
