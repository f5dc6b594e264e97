using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>What a transfer does to a division's dossier rows; every step is a no-op when already done.</summary>
public static class TransferRules
{
    public const string OpenStatus = "open";
    public const string ClosedStatus = "closed";

    public static void Close(DossierRecord dossier)
    {
        if (dossier.Status != ClosedStatus)
        {
            dossier.Status = ClosedStatus;
            dossier.Version++;
        }
    }

    public static DossierRecord Open(DossierTransferred e) => new()
    {
        DossierId = e.ToDossierId,
        ClientId = e.ClientId,
        Division = e.ToDivision,
        OwnerTeam = e.AreaTeam,
        OwnerEmployee = e.ReceivingEmployee,
        Status = OpenStatus,
        OpenedAt = e.OccurredAt,
        Version = 1,
    };

    public static void Reopen(DossierRecord dossier, DossierTransferred e)
    {
        if (dossier.Status == ClosedStatus)
        {
            dossier.Status = OpenStatus;
            dossier.OwnerTeam = e.AreaTeam;
            dossier.Version++;
        }
    }
}
