using Uwv.Contracts.Events;
using Uwv.Calendar;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.Handover.Kpi;

/// <summary>
/// The KPI aggregation as a pure function of (lineage state, event): it returns counter and gauge increments, so the
/// stored aggregates grow with events and a dashboard query only sums a bounded number of counters.
/// The same code feeds the service's tables and the synthetic-history benchmark.
/// </summary>
public static class KpiProjection
{
    public static KpiUpdate Apply(LineageKpi? lineage, IClientEvent @event, OfficeHours office)
    {
        var b = new Builder(office);
        var next = @event switch
        {
            HandoverRequested e => Requested(b, Ensure(lineage, e.Handover), e),
            HandoverTransferred e => Transferred(b, Ensure(lineage, e.Handover), e),
            HandoverAccepted e => Accepted(b, Ensure(lineage, e.Handover), e),
            HandoverReturned e => Returned(b, Ensure(lineage, e.Handover), e),
            HandoverCancelled e => Cancelled(b, Ensure(lineage, e.Handover), e),
            HandoverEscalated e => Escalated(b, Ensure(lineage, e.Handover), e),
            PingPongDetected e => PingPonged(b, Ensure(lineage, e.Handover), e),
            NazorgOverridden e => Spoil(b, Ensure(lineage, e.Handover)),
            DossierOpened e => Opened(b, lineage, e),
            DossierTransferred e => Moved(b, lineage, e),
            _ => lineage,
        };
        return new KpiUpdate(next, b.Counters, b.Gauges);
    }

    /// <summary>Herbeoordelingsverzoeken: opened, answered, answer time (office hours) and whether the AO% changed.</summary>
    public static (VerzoekKpi? State, IReadOnlyList<KpiDelta> Counters) ApplyVerzoek(VerzoekKpi? state, IClientEvent @event, OfficeHours office)
    {
        var b = new Builder(office);
        switch (@event)
        {
            case HerbeoordelingsverzoekOpened e:
                b.Count(e.AreaTeam, e.OccurredAt, DivisionCode.Werkbedrijf, DivisionCode.Smz, M.VerzoekOpened);
                return (state ?? new VerzoekKpi(e.VerzoekId, e.AreaTeam, e.OccurredAt), b.Counters);
            case HerbeoordelingsverzoekAnswered e:
                b.Count(e.AreaTeam, e.OccurredAt, DivisionCode.Werkbedrijf, DivisionCode.Smz, M.VerzoekAnswered);
                if (e.AoChanged)
                {
                    b.Count(e.AreaTeam, e.OccurredAt, DivisionCode.Werkbedrijf, DivisionCode.Smz, M.VerzoekAoChanged);
                }
                if (state is not null)
                {
                    var bucket = LatencyHistogram.BucketOf(b.Office.OfficeTimeBetween(state.OpenedAt, e.OccurredAt));
                    b.Count(e.AreaTeam, e.OccurredAt, DivisionCode.Werkbedrijf, DivisionCode.Smz, M.VerzoekLatencyPrefix + bucket);
                }
                return (state, b.Counters);
            default:
                return (state, []);
        }
    }

    private static LineageKpi Ensure(LineageKpi? lineage, HandoverSnapshot h) =>
        lineage ?? new LineageKpi { LineageId = h.LineageId, Team = h.AreaTeam };

    private static LineageKpi Requested(Builder b, LineageKpi l, HandoverRequested e)
    {
        b.Count(e.Handover, e.OccurredAt, M.Requested);
        return l.EpisodeStart is null ? l with { EpisodeStart = e.OccurredAt, EpisodeFrom = e.Handover.FromDivision, WaitMinutes = 0 } : l;
    }

    private static LineageKpi Transferred(Builder b, LineageKpi l, HandoverTransferred e)
    {
        var h = e.Handover;
        b.Count(h, e.OccurredAt, M.Transferred);
        var n = e.Nazorg;
        if (n.Required)
        {
            b.Count(h, e.OccurredAt, M.NazorgRequired);
            b.Count(h, e.OccurredAt, n.Done ? M.NazorgDone : M.NazorgOverridden);
            if (n.Done)
            {
                b.Count(h, e.OccurredAt, M.NazorgWith);
                b.Count(h, e.OccurredAt, n.ReachedAtAttempt is { } k ? (k <= 3 ? M.NazorgReachedPrefix + k : M.NazorgReachedLater) : M.NazorgWritten);
            }
        }
        var next = l with { WaitingSince = e.OccurredAt, EpisodeStart = l.EpisodeStart ?? h.RequestedAt };
        if (next.CohortDay is null)
        {
            next = next with { CohortDay = b.Office.DateOf(e.OccurredAt), CohortFrom = h.FromDivision, CohortTo = h.ToDivision };
            b.Cohort(next, M.DossiersHandedOver);
            if (next.PingPonged)
            {
                b.Cohort(next, M.DossiersPingPonged);
            }
            if (next.Spoiled)
            {
                b.Cohort(next, M.DossiersNotFirstTimeRight);
            }
        }
        return n.Overridden ? Spoil(b, next) : next;
    }

    private static LineageKpi Accepted(Builder b, LineageKpi l, HandoverAccepted e)
    {
        var h = e.Handover;
        b.Count(h, e.OccurredAt, M.Accepted);
        var office = b.Office;
        if (h.TransferredAt is { } transferredAt)
        {
            b.Count(h, e.OccurredAt, M.AcceptanceLatencyPrefix + LatencyHistogram.BucketOf(office.OfficeTimeBetween(transferredAt, e.OccurredAt)));
        }
        b.Count(h, e.OccurredAt, M.LeadTimePrefix + LatencyHistogram.BucketOf(office.OfficeTimeBetween(h.RequestedAt, e.OccurredAt)));
        var next = StopWaiting(b, Resolve(b, l, h, e.OccurredAt), e.OccurredAt);
        if (next.EpisodeStart is { } start)
        {
            var team = next.Team;
            b.Count(team, e.OccurredAt, next.EpisodeFrom, h.ToDivision, M.FlowEpisodes);
            b.Count(team, e.OccurredAt, next.EpisodeFrom, h.ToDivision, M.FlowMinutes, (long)Math.Round(office.OfficeTimeBetween(start, e.OccurredAt).TotalMinutes));
            b.Count(team, e.OccurredAt, next.EpisodeFrom, h.ToDivision, M.FlowWaitMinutes, (long)Math.Round(next.WaitMinutes));
        }
        return next with { EpisodeStart = null, WaitMinutes = 0 };
    }

    private static LineageKpi Returned(Builder b, LineageKpi l, HandoverReturned e)
    {
        b.Count(e.Handover, e.OccurredAt, M.Returned);
        b.Count(e.Handover, e.OccurredAt, M.ReturnedReasonPrefix + e.ReasonCategory);
        return Spoil(b, StopWaiting(b, Resolve(b, l, e.Handover, e.OccurredAt), e.OccurredAt));
    }

    private static LineageKpi Cancelled(Builder b, LineageKpi l, HandoverCancelled e)
    {
        b.Count(e.Handover, e.OccurredAt, M.Cancelled);
        return Resolve(b, l, e.Handover, e.OccurredAt) with { EpisodeStart = null, WaitMinutes = 0, WaitingSince = null };
    }

    /// <summary>A handover escalates once; a later escalation level of the same open escalation is not counted again.</summary>
    private static LineageKpi Escalated(Builder b, LineageKpi l, HandoverEscalated e)
    {
        if (l.EscalationOpen)
        {
            return l;
        }
        var h = e.Handover;
        b.Count(h, e.OccurredAt, M.EscalationsFired);
        b.Gauge(l.Team, h.ToDivision, M.EscalationsOpen, 1);
        return l with { EscalationOpen = true, EscalatedDay = b.Office.DateOf(e.OccurredAt), EscalatedTeam = h.AreaTeam, EscalatedFrom = h.FromDivision, EscalatedTo = h.ToDivision };
    }

    private static LineageKpi PingPonged(Builder b, LineageKpi l, PingPongDetected e)
    {
        b.Count(e.Handover, e.OccurredAt, e.Kind == "direct" ? M.PingPongDirect : M.PingPongIndirect);
        if (e.Casusoverleg && e.Count == 2)
        {
            b.Count(e.Handover, e.OccurredAt, M.Casusoverleg);
        }
        var next = l;
        if (!l.PingPonged)
        {
            next = l with { PingPonged = true };
            if (next.CohortDay is not null)
            {
                b.Cohort(next, M.DossiersPingPonged);
            }
        }
        return Spoil(b, next);
    }

    private static LineageKpi Spoil(Builder b, LineageKpi l)
    {
        if (l.Spoiled)
        {
            return l;
        }
        if (l.CohortDay is not null)
        {
            b.Cohort(l, M.DossiersNotFirstTimeRight);
        }
        return l with { Spoiled = true };
    }

    private static LineageKpi Resolve(Builder b, LineageKpi l, HandoverSnapshot h, DateTimeOffset at)
    {
        if (!l.EscalationOpen)
        {
            return l;
        }
        if (l.EscalatedDay is { } day)
        {
            b.Counters.Add(new KpiDelta(l.EscalatedTeam ?? h.AreaTeam, day, l.EscalatedFrom, l.EscalatedTo, M.EscalationsResolved, 1));
        }
        else
        {
            b.Count(h, at, M.EscalationsResolved);
        }
        b.Gauge(l.Team, h.ToDivision, M.EscalationsOpen, -1);
        return l with { EscalationOpen = false, EscalatedDay = null };
    }

    private static LineageKpi StopWaiting(Builder b, LineageKpi l, DateTimeOffset at) =>
        l.WaitingSince is { } since
            ? l with { WaitMinutes = l.WaitMinutes + b.Office.OfficeTimeBetween(since, at).TotalMinutes, WaitingSince = null }
            : l;

    private static LineageKpi? Opened(Builder b, LineageKpi? l, DossierOpened e)
    {
        b.Count(e.OwnerTeam, e.OccurredAt, M.NoDivision, e.Division, M.Arrivals);
        b.Gauge(e.OwnerTeam, e.Division, M.OpenDossiers, 1);
        return l;
    }

    private static LineageKpi? Moved(Builder b, LineageKpi? l, DossierTransferred e)
    {
        b.Count(e.AreaTeam, e.OccurredAt, M.NoDivision, e.ToDivision, M.Arrivals);
        b.Gauge(e.AreaTeam, e.FromDivision, M.OpenDossiers, -1);
        b.Gauge(e.AreaTeam, e.ToDivision, M.OpenDossiers, 1);
        return l;
    }

    private sealed class Builder(OfficeHours office)
    {
        /// <summary>The platform's office hours: the office date of a counter and latencies in office time.</summary>
        public OfficeHours Office { get; } = office;
        public List<KpiDelta> Counters { get; } = [];
        public List<GaugeDelta> Gauges { get; } = [];

        public void Count(HandoverSnapshot h, DateTimeOffset at, string metric) => Count(h.AreaTeam, at, h.FromDivision, h.ToDivision, metric);

        public void Count(string team, DateTimeOffset at, DivisionCode from, DivisionCode to, string metric, long value = 1) =>
            Counters.Add(new KpiDelta(team, Office.DateOf(at), from, to, metric, value));

        public void Cohort(LineageKpi l, string metric) =>
            Counters.Add(new KpiDelta(l.Team, l.CohortDay!.Value, l.CohortFrom, l.CohortTo, metric, 1));

        public void Gauge(string team, DivisionCode division, string metric, long value) =>
            Gauges.Add(new GaugeDelta(team, division, metric, value));
    }
}
