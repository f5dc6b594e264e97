using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Contacts;

/// <summary>A logged contact with a client in one division. The subject is a short, non-medical topic.</summary>
public sealed class ContactRecord
{
    public Guid ContactId { get; set; }
    public Guid ClientId { get; set; }
    public DivisionCode Division { get; set; }
    public required string AreaTeam { get; set; }
    public ContactChannel Channel { get; set; }
    public required string Subject { get; set; }
    public bool Reached { get; set; }
    public DateTimeOffset ContactAt { get; set; }
    public required string LoggedBy { get; set; }
    public string? RequestId { get; set; }
}
