namespace Uwv.Contracts.Events;

/// <summary>
/// Someone read or changed a client's personal data. Published by the service that served the call, before the data
/// leave it, and kept append-only in the audit store. <see cref="Fields"/> names field groups, never values.
/// </summary>
public sealed record PersonalDataAccessed(
    Guid AuditId,
    DateTimeOffset At,
    string Subject,
    string Role,
    string Team,
    Guid? ClientId,
    string Service,
    string Method,
    string Fields,
    string? Purpose,
    string Outcome);

/// <summary>
/// Audit records travel in batches: records made while the previous batch was being confirmed by the broker go
/// together (group commit), one message and one insert for many reads. Each record keeps its own id.
/// </summary>
public sealed record PersonalDataAccessedBatch(IReadOnlyList<PersonalDataAccessed> Records);

/// <summary>
/// The operator asked for the klantbeeld to be rebuilt: the read model was cleared, and every service publishes its
/// stored events again (consumers are idempotent, so nothing but the read model changes).
/// </summary>
public sealed record KlantbeeldRebuildRequested(Guid RebuildId, string RequestedBy, string Reason, DateTimeOffset OccurredAt);
