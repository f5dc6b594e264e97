namespace Uwv.Uitkeren.Data;

/// <summary>
/// An inkomsten signal from the polisadministratie: one current signal per client and month; a corrected signal
/// replaces it (the next <see cref="Revision"/>) and the replaced one stays as history.
/// </summary>
public sealed class InkomstenSignaalRecord
{
    public Guid SignaalId { get; set; }
    public Guid ClientId { get; set; }
    /// <summary>yyyy-MM.</summary>
    public required string Period { get; set; }
    public long IncomeCents { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Who sent <see cref="RequestId"/>: a request id belongs to its caller.</summary>
    public string? RecordedBy { get; set; }
    /// <summary>The client's area team when the signal came: whose worklist a signal to review is on.</summary>
    public string AreaTeam { get; set; } = "";
    /// <summary>"verrekend", "te-beoordelen" or "beoordeeld" (Domain/InkomstenSignaalRules).</summary>
    public string Status { get; set; } = "verrekend";
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>1 for a month's first signal, one more for each correction: unique per client and month.</summary>
    public int Revision { get; set; } = 1;
    public Guid? ReplacesSignaalId { get; set; }
    public Guid? ReplacedBySignaalId { get; set; }
    public long Version { get; set; } = 1;
}

/// <summary>A deduction of one signal from one uitkering; a correction's row is the change (negative when it lowers it).</summary>
public sealed class VerrekeningRecord
{
    public long Id { get; set; }
    public Guid SignaalId { get; set; }
    public Guid UitkeringId { get; set; }
    public long DeductedCents { get; set; }
}
