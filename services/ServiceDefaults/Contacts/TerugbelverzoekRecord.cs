using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Contacts;

/// <summary>A callback request; <see cref="DueAt"/> is stored when it is created (<see cref="TerugbelTermijn"/>).</summary>
public sealed class TerugbelverzoekRecord
{
    public Guid TerugbelverzoekId { get; set; }
    public Guid ClientId { get; set; }
    public DivisionCode Division { get; set; }
    public required string AreaTeam { get; set; }
    public required string Subject { get; set; }
    public bool WwQuestion { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    /// <summary>Whether the completing call reached the client; null while open. Not reached does not meet the norm.</summary>
    public bool? Reached { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Optimistic concurrency: every change increments it.</summary>
    public long Version { get; set; }
}
