using Uwv.BezwaarBeroep.Data;
using Uwv.Calendar;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Deadlines;

namespace Uwv.BezwaarBeroep.Domain;

/// <summary>
/// The two norms of a bezwaar. Bezwaar contact: the first contact within 5 working days of receipt. Beslistermijn: the
/// decision by the end of the Awb 7:10 term (moved by a verdaging, an uitstel or a suspension), warned 10 working days
/// before. A withdrawn bezwaar voids both; a decision before any contact voids the contact norm when the contact was
/// not yet due, and makes it late when it was. Pure: null means the norm is still open.
/// </summary>
public static class BezwaarNorms
{
    public const string Medisch = "medisch";
    public const string NietMedisch = "niet-medisch";

    /// <summary>
    /// A bezwaar against a decision of SMZ (a beoordeling by the verzekeringsarts or arbeidsdeskundige) is a medical
    /// bezwaar (seed 002 measures those apart); against Werkbedrijf's or Uitkeren's decisions it is not.
    /// </summary>
    public static string Category(DivisionCode decisionDivision) => decisionDivision == DivisionCode.Smz ? Medisch : NietMedisch;

    public static NormTerm ContactTerm(BezwaarRecord b, OfficeHours office) => NormTerms.BezwaarContact(b.ContactDueOn, office);

    /// <summary>Null while the beslistermijn is suspended (herstel verzuim): the deadline is suspended, keeping its last term until the new one is known.</summary>
    public static NormTerm? BeslistermijnTerm(BezwaarRecord b, OfficeHours office) =>
        b.BeslistermijnEndsOn is { } ends ? NormTerms.Beslistermijn(ends, office) : null;

    public static string? ContactOutcome(BezwaarRecord b, DateTimeOffset dueAt, OfficeHours office)
    {
        if (b.ContactedOn is { } contacted)
        {
            return NormRules.Outcome(dueAt, NormTerms.EndOfDay(contacted, office));
        }
        if (b.Status == BezwaarStatus.InBehandeling)
        {
            return null;
        }
        if (b.Outcome == BezwaarOutcome.Ingetrokken)
        {
            return NormOutcomes.Void;
        }
        return b.DecidedOn is { } decided && NormTerms.EndOfDay(decided, office) > dueAt ? NormOutcomes.Late : NormOutcomes.Void;
    }

    public static string? BeslistermijnOutcome(BezwaarRecord b, DateTimeOffset dueAt, OfficeHours office)
    {
        if (b.Status == BezwaarStatus.InBehandeling || b.DecidedOn is not { } decided)
        {
            return null;
        }
        return b.Outcome == BezwaarOutcome.Ingetrokken ? NormOutcomes.Void : NormRules.Outcome(dueAt, NormTerms.EndOfDay(decided, office));
    }

    /// <summary>The moment a resolved norm's work was done: the recorded day's close, or now for a void norm.</summary>
    public static DateTimeOffset ResolvedAt(DateOnly? day, OfficeHours office, DateTimeOffset now) =>
        day is { } d ? NormTerms.EndOfDay(d, office) : now;
}
