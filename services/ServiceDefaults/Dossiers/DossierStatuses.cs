namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>The statuses of a division dossier and which changes are allowed. Pure rules.</summary>
public static class DossierStatuses
{
    public const string Open = "open";
    public const string InBehandeling = "in-behandeling";
    public const string WachtOpClient = "wacht-op-client";
    public const string Closed = "closed";
    public const int MaxReason = 500;

    public static readonly IReadOnlyList<string> All = [Open, InBehandeling, WachtOpClient, Closed];

    /// <summary>Why a change from <paramref name="from"/> to <paramref name="to"/> is refused, or null when allowed.</summary>
    public static Refusal? Change(string from, string to)
    {
        if (from == Closed)
        {
            return new("dossier-closed", "a closed dossier does not change status; open a new dossier");
        }
        if (from == to)
        {
            return new("status-changes", $"the dossier is already {to}");
        }
        return null;
    }

    /// <summary>
    /// Why the employee may not take the dossier as their own, or null: a closed dossier has no one working on it, and
    /// a dossier already theirs needs nothing.
    /// </summary>
    public static Refusal? Assign(string status, string currentOwner, string employee)
    {
        if (status == Closed)
        {
            return new("dossier-closed", "a closed dossier is not assigned; open a new dossier");
        }
        return currentOwner == employee ? new("already-assigned", "the dossier is already assigned to you") : null;
    }
}
