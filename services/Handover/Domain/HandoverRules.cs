using Uwv.Calendar;
using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>The gate and SLA rules of one kind of handover (e.g. SMZ→Werkbedrijf after a beoordeling).</summary>
public sealed record HandoverRules
{
    /// <summary>Nazorg must be done (or overridden) before transfer.</summary>
    public bool RequireNazorg { get; init; } = true;
    /// <summary>Unanswered attempts after which a written message may complete the nazorg.</summary>
    public int UnansweredAttemptsBeforeWrittenMessage { get; init; } = 3;
    /// <summary>The unanswered attempts must fall on at least this many distinct working days.</summary>
    public int UnansweredAttemptsMinWorkingDays { get; init; } = 2;
    /// <summary>The receiving team accepts within this many working days.</summary>
    public int AcceptanceWorkingDays { get; init; } = 2;
    /// <summary>After the teamleider escalation, the manager is involved after this many more working days.</summary>
    public int ManagerEscalationWorkingDays { get; init; } = 2;
    /// <summary>After a return, the sender acts (re-transfer or cancel) within this many working days.</summary>
    public int ReturnFollowUpWorkingDays { get; init; } = 2;

    /// <summary>The platform's office hours and working days, which the SLA deadlines and the nazorg gate count in.
    /// Not configuration: <see cref="HandoverOptions.RulesFor"/> sets it from the injected calendar.</summary>
    public OfficeHours? Office { get; init; }

    internal OfficeHours OfficeHours =>
        Office ?? throw new InvalidOperationException("HandoverRules.Office is not set: take the rules from HandoverOptions.RulesFor");
}

/// <summary>The configurable rule sets: one per handover kind, with defaults for kinds not configured.</summary>
public sealed class HandoverOptions
{
    public const string Section = "Handover";

    public HandoverRules Default { get; set; } = new();

    /// <summary>Rules per kind (<see cref="HandoverKinds.Of"/>), e.g. "SMZ-WB".</summary>
    public Dictionary<string, HandoverRules> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // A Werkbedrijf request for a herbeoordeling is not the end of an assessment: no nazorg call is due.
        [HandoverKinds.Of(DivisionCode.Werkbedrijf, DivisionCode.Smz)] = new HandoverRules { RequireNazorg = false },
    };

    /// <summary>A dossier coming back to a division it left within this many days is a ping-pong.</summary>
    public int PingPongWindowDays { get; set; } = 90;

    /// <summary>How often the SLA sweeper looks for due deadlines.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The platform's office hours (not configuration: set from the injected calendar, see HandoverExtensions).</summary>
    public OfficeHours? Office { get; set; }

    public HandoverRules RulesFor(string kind) => (Kinds.TryGetValue(kind, out var rules) ? rules : Default) with { Office = Office };
}

public static class HandoverKinds
{
    public static string Of(DivisionCode from, DivisionCode to) => $"{Code(from)}-{Code(to)}";

    public static string Code(DivisionCode division) => division switch
    {
        DivisionCode.Smz => "SMZ",
        DivisionCode.Werkbedrijf => "WB",
        DivisionCode.Uitkeren => "UIT",
        DivisionCode.BezwaarBeroep => "BB",
        _ => "?",
    };
}
