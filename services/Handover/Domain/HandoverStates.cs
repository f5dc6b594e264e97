namespace Uwv.Handover.Domain;

/// <summary>The states of a handover (stored and published as these strings).</summary>
public static class HandoverStates
{
    /// <summary>Requested; no nazorg recorded yet.</summary>
    public const string Requested = "requested";
    /// <summary>Nazorg started but the gate is not open yet.</summary>
    public const string NazorgPending = "nazorg-pending";
    /// <summary>Every gate rule is met: the sender may transfer.</summary>
    public const string Ready = "ready";
    /// <summary>The receiving division owns the dossier and must accept it before the deadline.</summary>
    public const string Transferred = "transferred";
    /// <summary>Transferred, not accepted in time (or ping-ponged): the teamleider, then the manager, is involved.</summary>
    public const string Escalated = "escalated";
    /// <summary>Final: the receiving division accepted.</summary>
    public const string Accepted = "accepted";
    /// <summary>Sent back to the sender with a reason; the sender must re-transfer or cancel.</summary>
    public const string Returned = "returned";
    /// <summary>Final: withdrawn with a reason before (re)transfer.</summary>
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string state) => state is Accepted or Cancelled;

    /// <summary>The receiving division holds the dossier and has not decided yet.</summary>
    public static bool AwaitsAcceptance(string state) => state is Transferred or Escalated;

    /// <summary>The sender holds the dossier and may still change the handover (nazorg, warm handover, transfer, cancel).</summary>
    public static bool AtSender(string state) => state is Requested or NazorgPending or Ready or Returned;
}
