using Uwv.Contracts.Events;

namespace Uwv.Host.Demo;

/// <summary>What the replay of one client's history keeps: the real ids behind the synthetic ones.</summary>
public sealed class Lineage(string requestPrefix, string team)
{
    private int _step;

    public string Team { get; } = team;
    public string ClientId { get; set; } = "";

    /// <summary>The client's current dossier per division.</summary>
    public Dictionary<DivisionCode, string> Dossiers { get; } = [];

    /// <summary>The real handover (with its current version) per synthetic handover id.</summary>
    public Dictionary<Guid, Uwv.Contracts.Handover.V1.Handover> Handovers { get; } = [];

    /// <summary>Whether the client has a herbeoordelingsverzoek (the demo leaves them for SMZ to answer; one open at a time).</summary>
    public bool HasHerbeoordelingsverzoek { get; set; }

    /// <summary>A stable idempotency key: the same lineage and step always give the same id.</summary>
    public string NextRequestId() => $"{requestPrefix}-{++_step}";
}
