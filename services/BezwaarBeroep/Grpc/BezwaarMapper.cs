using System.Globalization;
using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;

namespace Uwv.BezwaarBeroep.Grpc;

/// <summary>A bezwaar on the wire and on the bus.</summary>
internal static class BezwaarMapper
{
    public static Bezwaar ToProto(BezwaarRecord b) => new()
    {
        BezwaarId = b.BezwaarId.ToString(),
        ClientId = b.ClientId.ToString(),
        DossierId = b.DossierId.ToString(),
        DecisionDivision = (Division)(int)b.DecisionDivision,
        DecisionReference = b.DecisionReference,
        DecisionSentOn = Iso(b.DecisionSentOn),
        ReceivedOn = Iso(b.ReceivedOn),
        BezwaartermijnEndsOn = Iso(b.BezwaartermijnEndsOn),
        FiledOnTime = b.FiledOnTime,
        LateFilingExcused = b.LateFilingExcused,
        AdvisoryCommittee = b.AdvisoryCommittee,
        BeslistermijnEndsOn = Iso(b.BeslistermijnEndsOn),
        VerdagingWeeks = b.VerdagingWeeks,
        OpschortingDays = b.OpschortingDays,
        HerstelVerzuimPending = b.HerstelRequestedOn is not null,
        ContactDueOn = Iso(b.ContactDueOn),
        ContactedOn = Iso(b.ContactedOn),
        HoorzittingPlannedOn = Iso(b.HoorzittingPlannedOn),
        HoorzittingHeldOn = Iso(b.HoorzittingHeldOn),
        HorenWaivedReason = b.HorenWaivedReason ?? "",
        Status = b.Status,
        Outcome = b.Outcome,
        DecidedOn = Iso(b.DecidedOn),
        DecidedInTime = b.DecidedOn is { } decided && b.BeslistermijnEndsOn is { } end && decided <= end,
        BeroepFiledOn = Iso(b.BeroepFiledOn),
        IngebrekestellingReceivedOn = Iso(b.IngebrekestellingReceivedOn),
        DwangsomFrom = Iso(b.DwangsomFrom),
        Grounds = b.Grounds,
        AreaTeam = b.AreaTeam,
        Version = b.Version,
        PostmarkDate = Iso(b.PostmarkDate),
        UitstelWeeks = b.UitstelWeeks,
        Kennelijk = b.Kennelijk,
    };

    public static DwangsomExposure ToProto(BezwaarRecord b, DwangsomAmount amount, DateOnly asOf) => new()
    {
        BezwaarId = b.BezwaarId.ToString(),
        AsOf = Iso(asOf),
        DwangsomFrom = Iso(amount.From),
        Days = amount.Days,
        AccruedCents = amount.AccruedCents,
        StillPossibleCents = amount.StillPossibleCents,
        MaximumCents = amount.MaximumCents,
    };

    public static BezwaarRegistered Registered(BezwaarRecord b, DateTimeOffset now) => new(
        b.BezwaarId, b.ClientId, b.AreaTeam, b.DecisionDivision, b.ReceivedOn, b.ContactDueOn, b.ContactedOn, b.BeslistermijnEndsOn,
        StatusName(b.Status), OutcomeName(b.Outcome), b.HoorzittingHeldOn ?? b.HoorzittingPlannedOn, b.DwangsomFrom, "ontvangen", b.Version, now);

    public static BezwaarUpdated Updated(BezwaarRecord b, string change, DateTimeOffset now) => new(
        b.BezwaarId, b.ClientId, b.AreaTeam, b.DecisionDivision, b.ReceivedOn, b.ContactDueOn, b.ContactedOn, b.BeslistermijnEndsOn,
        StatusName(b.Status), OutcomeName(b.Outcome), b.HoorzittingHeldOn ?? b.HoorzittingPlannedOn, b.DwangsomFrom, change, b.Version, now);

    public static string StatusName(BezwaarStatus status) => status switch
    {
        BezwaarStatus.InBehandeling => "in-behandeling",
        BezwaarStatus.Beslist => "beslist",
        BezwaarStatus.InBeroep => "in-beroep",
        _ => "onbekend",
    };

    public static string? OutcomeName(BezwaarOutcome outcome) => outcome switch
    {
        BezwaarOutcome.Gegrond => "gegrond",
        BezwaarOutcome.Ongegrond => "ongegrond",
        BezwaarOutcome.NietOntvankelijk => "niet-ontvankelijk",
        BezwaarOutcome.Ingetrokken => "ingetrokken",
        _ => null,
    };

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
