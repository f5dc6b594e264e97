namespace Uwv.Handover.Data;

/// <summary>
/// The area team a client moved to, as the last <c>ClientMoved</c> said. A dossier event that was on its way while the
/// client moved carries the former team; a dossier recorded from it takes this team instead, so nothing of the client
/// stays readable by the former team.
/// </summary>
public sealed class ClientTeamRecord
{
    public Guid ClientId { get; set; }
    public required string Team { get; set; }
    public DateTimeOffset MovedAt { get; set; }
}
