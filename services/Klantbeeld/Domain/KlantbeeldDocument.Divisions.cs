namespace Uwv.Klantbeeld.Domain;

/// <summary>What the four divisions contribute to the picture.</summary>
public sealed partial record KlantbeeldDocument
{
    public IReadOnlyList<BeoordelingView> Beoordelingen { get; init; } = [];
}

public sealed record BeoordelingView(Guid BeoordelingId, string Type, string AoKlasse, string FmlSummary, DateOnly DecisionDate, DateTimeOffset RecordedAt);
