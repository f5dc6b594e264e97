namespace Uwv.Handover.Grpc;

/// <summary>The field groups of a handover as the audit log names them.</summary>
public static class HandoverFields
{
    /// <summary>A kwetsbaarheid signaal: factor (which may be health), note, who, when.</summary>
    public const string Signalen = "signalen";

    /// <summary>
    /// Every handover answer carries the whole handover: its state, the nazorg attempts and notes, the client's signalen,
    /// the open questions and the return (or cancel) reason. A command writes one of these and reads all of them.
    /// </summary>
    public const string All = "handover,nazorg,signalen,open-questions,return-reason";

    /// <summary>The teamleider's escalation list: the handovers' state and their return reason, nothing more.</summary>
    public const string Escalations = "handover,return-reason";
}
