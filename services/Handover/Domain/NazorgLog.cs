using System.Text.Json.Serialization;

namespace Uwv.Handover.Domain;

/// <summary>One nazorg call attempt. When reached, what was checked with the client.</summary>
public sealed record NazorgAttempt(DateTimeOffset AttemptedAt, bool Reached, bool UnderstandsOutcome, bool KnowsNextSteps, string? ExtraNeeds, string By);

/// <summary>A letter or e-mail sent instead of a call.</summary>
public sealed record WrittenMessage(string Channel, DateTimeOffset SentAt, string By);

/// <summary>A teamleider's decision to pass the gate without nazorg.</summary>
public sealed record NazorgOverride(string Reason, string By, DateTimeOffset At);

/// <summary>Everything recorded about a handover's nazorg.</summary>
public sealed record NazorgLog
{
    public IReadOnlyList<NazorgAttempt> Attempts { get; init; } = [];
    public IReadOnlyList<WrittenMessage> Messages { get; init; } = [];
    public NazorgOverride? Override { get; init; }

    public static readonly NazorgLog Empty = new();

    [JsonIgnore]
    public bool IsEmpty => Attempts.Count == 0 && Messages.Count == 0 && Override is null;

    [JsonIgnore]
    public int UnansweredAttempts => Attempts.Count(a => !a.Reached);

    /// <summary>Extra needs the client mentioned, in call order: they travel with the handover.</summary>
    public string? Notes()
    {
        var needs = Attempts.Where(a => a.Reached && !string.IsNullOrWhiteSpace(a.ExtraNeeds)).Select(a => a.ExtraNeeds!).ToList();
        return needs.Count == 0 ? null : string.Join("\n", needs);
    }
}
