using System.Globalization;
using Uwv.Contracts.Events;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;

namespace Uwv.Uitkeren.Grpc;

/// <summary>Uitkeren's records on the wire and on the bus.</summary>
internal static class UitkerenMapper
{
    public static Uitkering ToProto(UitkeringRecord u) => new()
    {
        UitkeringId = u.UitkeringId.ToString(),
        ClientId = u.ClientId.ToString(),
        Type = u.Type,
        StartDate = Iso(u.StartDate),
        EndDate = Iso(u.EndDate),
        MonthlyAmountCents = u.MonthlyAmountCents,
        Version = u.Version,
    };

    public static Voorschot ToProto(VoorschotRecord v) => new()
    {
        VoorschotId = v.VoorschotId.ToString(),
        ClientId = v.ClientId.ToString(),
        Status = v.Status,
        MonthlyAmountCents = v.MonthlyAmountCents,
        WiaAanvraagOn = Iso(v.WiaAanvraagOn),
        StartDate = Iso(v.StartDate),
        UnansweredCalls = v.UnansweredCalls,
        EmailSentOn = Iso(v.EmailSentOn),
        SettledOn = Iso(v.SettledOn),
        Version = v.Version,
    };

    public static Terugvordering ToProto(TerugvorderingRecord t) => new()
    {
        TerugvorderingId = t.TerugvorderingId.ToString(),
        ClientId = t.ClientId.ToString(),
        UitkeringId = t.UitkeringId?.ToString() ?? "",
        AmountCents = t.AmountCents,
        Reason = t.Reason,
        RecordedOn = Iso(t.RecordedOn),
    };

    public static UitkeringPeriod Period(UitkeringRecord u) => new(u.UitkeringId, u.Type, u.StartDate, u.EndDate, u.MonthlyAmountCents);

    public static UitkeringGranted Granted(UitkeringRecord u, DateTimeOffset now) =>
        new(u.UitkeringId, u.ClientId, Samenloop.Name(u.Type), u.StartDate, u.EndDate, u.MonthlyAmountCents, u.Version, now);

    public static UitkeringEnded Ended(UitkeringRecord u, DateTimeOffset now) =>
        new(u.UitkeringId, u.ClientId, Samenloop.Name(u.Type), u.StartDate, u.EndDate, u.MonthlyAmountCents, u.Version, now);

    public static VoorschotOffered Offered(VoorschotRecord v, DateTimeOffset now) =>
        new(v.VoorschotId, v.ClientId, v.StartDate, v.MonthlyAmountCents, StatusName(v.Status), v.UnansweredCalls, v.EmailSentOn, v.SettledOn, v.Version, now);

    public static VoorschotUpdated Updated(VoorschotRecord v, DateTimeOffset now) =>
        new(v.VoorschotId, v.ClientId, v.StartDate, v.MonthlyAmountCents, StatusName(v.Status), v.UnansweredCalls, v.EmailSentOn, v.SettledOn, v.Version, now);

    public static string StatusName(VoorschotStatus status) => status switch
    {
        VoorschotStatus.Aangeboden => "aangeboden",
        VoorschotStatus.Verstrekt => "verstrekt",
        VoorschotStatus.Verrekend => "verrekend",
        VoorschotStatus.Ingetrokken => "ingetrokken",
        _ => "onbekend",
    };

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
