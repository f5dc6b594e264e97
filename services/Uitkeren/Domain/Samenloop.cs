using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Uitkeren.Domain;

/// <summary>A period of an uitkering: from its start to its end (inclusive), or open-ended.</summary>
public sealed record UitkeringPeriod(Guid UitkeringId, UitkeringType Type, DateOnly Start, DateOnly? End, long MonthlyAmountCents)
{
    public bool RunsOn(DateOnly day) => Start <= day && (End is null || End >= day);

    public bool Overlaps(DateOnly start, DateOnly? end) => Start <= (end ?? DateOnly.MaxValue) && start <= (End ?? DateOnly.MaxValue);
}

/// <summary>
/// Samenloop: a client may receive several uitkeringen at once (e.g. WW and WIA-WGA), but never two under the same law
/// for the same days (WGA and IVA are both WIA). Pure rules.
/// </summary>
public static class Samenloop
{
    public static string Wet(UitkeringType type) => type switch
    {
        UitkeringType.Ww => "WW",
        UitkeringType.WiaWga or UitkeringType.WiaIva => "WIA",
        UitkeringType.Ziektewet => "ZW",
        UitkeringType.Wajong => "Wajong",
        _ => type.ToString(),
    };

    public static string Name(UitkeringType type) => type switch
    {
        UitkeringType.Ww => "WW",
        UitkeringType.WiaWga => "WIA-WGA",
        UitkeringType.WiaIva => "WIA-IVA",
        UitkeringType.Ziektewet => "Ziektewet",
        UitkeringType.Wajong => "Wajong",
        _ => type.ToString(),
    };

    public static bool IsWia(UitkeringType type) => Wet(type) == "WIA";

    /// <summary>Refused when an existing uitkering under the same law overlaps the new period.</summary>
    public static Refusal? Grant(IEnumerable<UitkeringPeriod> existing, UitkeringType type, DateOnly start, DateOnly? end)
    {
        var clash = existing.FirstOrDefault(u => Wet(u.Type) == Wet(type) && u.Overlaps(start, end));
        return clash is null
            ? null
            : new("one-uitkering-per-wet", $"the client already has a {Name(clash.Type)} uitkering from {clash.Start:yyyy-MM-dd} in this period");
    }

    /// <summary>The uitkeringen running on <paramref name="day"/>, together: the client's samenloop.</summary>
    public static IReadOnlyList<UitkeringPeriod> Current(IEnumerable<UitkeringPeriod> all, DateOnly day) =>
        all.Where(u => u.RunsOn(day)).OrderBy(u => u.Start).ThenBy(u => u.Type).ToList();
}
