using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;

namespace Uwv.BezwaarBeroep.Data;

/// <summary>A bezwaar against a decision of a division, with its Awb terms stored as columns (recomputed on every change).</summary>
public sealed class BezwaarRecord
{
    public Guid BezwaarId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public required string AreaTeam { get; set; }
    public DivisionCode DecisionDivision { get; set; }
    public required string DecisionReference { get; set; }
    public DateOnly DecisionSentOn { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The postmark date of a bezwaarschrift sent by post (Awb 6:9 lid 2); null otherwise.</summary>
    public DateOnly? PostmarkDate { get; set; }
    public required string Grounds { get; set; }
    public DateOnly BezwaartermijnEndsOn { get; set; }
    public bool FiledOnTime { get; set; }
    public bool LateFilingExcused { get; set; }
    public bool AdvisoryCommittee { get; set; }
    public DateOnly ContactDueOn { get; set; }
    public DateOnly? ContactedOn { get; set; }
    public int VerdagingWeeks { get; set; }
    public DateOnly? VerdagingAnnouncedOn { get; set; }
    /// <summary>Further postponement with the client's consent or at their request (Awb 7:10 lid 4), in weeks, summed.</summary>
    public int UitstelWeeks { get; set; }
    public int OpschortingDays { get; set; }
    /// <summary>Set while a herstel verzuim is pending: the beslistermijn is suspended.</summary>
    public DateOnly? HerstelRequestedOn { get; set; }
    /// <summary>The Awb 7:10 beslistermijn; null while suspended.</summary>
    public DateOnly? BeslistermijnEndsOn { get; set; }
    public DateOnly? HoorzittingPlannedOn { get; set; }
    public DateOnly? HoorzittingHeldOn { get; set; }
    public string? HorenWaivedReason { get; set; }
    public BezwaarStatus Status { get; set; }
    public BezwaarOutcome Outcome { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>Decided as kennelijk (manifestly) niet-ontvankelijk or ongegrond: no dwangsom is owed (Awb 4:17 lid 6).</summary>
    public bool Kennelijk { get; set; }
    public DateOnly? BeroepFiledOn { get; set; }
    public DateOnly? IngebrekestellingReceivedOn { get; set; }
    public DateOnly? DwangsomFrom { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Optimistic concurrency: every change increments it.</summary>
    public long Version { get; set; }
}
