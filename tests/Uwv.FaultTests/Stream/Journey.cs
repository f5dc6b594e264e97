namespace Uwv.FaultTests.Stream;

/// <summary>
/// One client's way through the platform as the stream drives it: registration, an SMZ dossier with a beoordeling,
/// a handover SMZ → Werkbedrijf with its nazorg call, transfer, and then acceptance (and a contact in Werkbedrijf)
/// or a return followed by the sender's cancellation. The ids are what the tests and invariants look for.
/// </summary>
public sealed class Journey(int number, string team, string postcode, DateTime? giveUpAt)
{
    public int Number { get; } = number;
    public string Team { get; } = team;
    public string Postcode { get; } = postcode;

    /// <summary>A step still failing at this moment is given up (the fault did not heal in time); null: the stream's end plus its grace.</summary>
    public DateTime? GiveUpAt { get; set; } = giveUpAt;

    /// <summary>Every fourth journey is returned by Werkbedrijf and then cancelled by SMZ.</summary>
    public bool Returns => Number % 4 == 3;

    public string? ClientId { get; set; }
    public string? SmzDossierId { get; set; }
    public string? BeoordelingId { get; set; }
    public string? HandoverId { get; set; }
    public string? ReceivingDossierId { get; set; }

    /// <summary>The last step that succeeded.</summary>
    public Stage Stage { get; set; } = Stage.New;
    public DateTimeOffset? CompletedAt { get; set; }

    public string User(string role) => $"{role}.{Team}";

    public override string ToString() => $"journey {Number} ({Team}) at {Stage}";
}

/// <summary>The steps of a journey, in order.</summary>
public enum Stage
{
    New,
    Registered,
    DossierOpened,
    Assessed,
    Requested,
    NazorgDone,
    Transferred,
    ArrivedInWerkbedrijf,
    Finished,
}
