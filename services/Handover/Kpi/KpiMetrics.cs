using Uwv.Contracts.Events;

namespace Uwv.Handover.Kpi;

/// <summary>An increment of one counter: per area team, day (Europe/Amsterdam), division pair and metric.</summary>
public sealed record KpiDelta(string Team, DateOnly Day, DivisionCode From, DivisionCode To, string Metric, long Value);

/// <summary>An increment of a gauge (a current level, not per day): per area team, division and metric.</summary>
public sealed record GaugeDelta(string Team, DivisionCode Division, string Metric, long Value);

/// <summary>The names of the stored counters and gauges.</summary>
public static class KpiMetrics
{
    public const string Requested = "requested";
    public const string Transferred = "transferred";
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string ReturnedReasonPrefix = "returned-reason:";
    public const string Cancelled = "cancelled";
    public const string NazorgRequired = "nazorg-required";
    public const string NazorgDone = "nazorg-done";
    public const string NazorgOverridden = "nazorg-overridden";
    public const string NazorgWith = "nazorg-with";
    public const string NazorgReachedPrefix = "nazorg-reached-";
    public const string NazorgReachedLater = "nazorg-reached-later";
    public const string NazorgWritten = "nazorg-written";
    public const string AcceptanceLatencyPrefix = "acceptance-latency-b";
    public const string PingPongDirect = "pingpong-direct";
    public const string PingPongIndirect = "pingpong-indirect";
    public const string Casusoverleg = "casusoverleg";
    public const string DossiersHandedOver = "dossiers-handed-over";
    public const string DossiersPingPonged = "dossiers-pingponged";
    public const string DossiersNotFirstTimeRight = "dossiers-not-ftr";
    public const string FlowEpisodes = "flow-episodes";
    public const string FlowMinutes = "flow-minutes";
    public const string FlowWaitMinutes = "flow-wait-minutes";
    public const string EscalationsFired = "escalations-fired";
    /// <summary>A handover escalation resolved, booked on the day it fired (cohort), so fired = resolved + still open.</summary>
    public const string EscalationsResolved = "escalations-resolved";
    public const string Arrivals = "arrivals";
    public const string VerzoekOpened = "hbv-opened";
    public const string VerzoekAnswered = "hbv-answered";
    public const string VerzoekAoChanged = "hbv-ao-changed";
    public const string VerzoekLatencyPrefix = "hbv-latency-b";
    /// <summary>Request to acceptance of one handover, office minutes, as a <see cref="LatencyHistogram"/> bucket.</summary>
    public const string LeadTimePrefix = "lead-time-b";
    /// <summary>A norm deadline resolved: "nr:{norm}|{category}|{outcome}", on the day its work was done.</summary>
    public const string NormResolvedPrefix = "nr:";
    /// <summary>A norm deadline escalated: "ne:{norm}|{category}", on the day it fired.</summary>
    public const string NormEscalatedPrefix = "ne:";
    /// <summary>A norm escalation resolved: "nc:{norm}|{category}", booked on the day the escalation fired (cohort).</summary>
    public const string NormEscalationClosedPrefix = "nc:";

    public const string OpenDossiers = "open-dossiers";
    public const string EscalationsOpen = "escalations-open";
    public const string LineagesWithoutOneOwner = "lineages-without-one-owner";
    public const string WgaWithoutReintegratieOwner = "wga-without-reintegratie-owner";

    /// <summary>The metrics the dashboard also shows per area team (read per team, not only summed).</summary>
    public static bool IsPerTeam(string metric) =>
        metric.StartsWith(LeadTimePrefix, StringComparison.Ordinal) || metric is EscalationsFired or EscalationsResolved || IsNorm(metric);

    /// <summary>A norm counter: not about a division pair, so a pair filter does not apply to it.</summary>
    public static bool IsNorm(string metric) =>
        metric.StartsWith(NormResolvedPrefix, StringComparison.Ordinal) || metric.StartsWith(NormEscalatedPrefix, StringComparison.Ordinal)
        || metric.StartsWith(NormEscalationClosedPrefix, StringComparison.Ordinal);

    /// <summary>The division of a counter that is about one division, not a pair (arrivals).</summary>
    public const DivisionCode NoDivision = 0;
}
