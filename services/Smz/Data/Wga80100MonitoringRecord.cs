namespace Uwv.Smz.Data;

/// <summary>A client in WGA 80-100 medisch, with the stored due date of the yearly contact.</summary>
public sealed class Wga80100MonitoringRecord
{
    public Guid ClientId { get; set; }
    public required string AreaTeam { get; set; }
    /// <summary>The decision date of the beoordeling that placed the client in WGA 80-100.</summary>
    public DateOnly Since { get; set; }
    public DateOnly? LastContactOn { get; set; }
    public DateOnly NextContactDueOn { get; set; }
}
