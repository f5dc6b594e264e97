using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>
/// The read model: one document per client, and per area team a worklist index kept in step with the documents.
/// Redis on real servers, in-process in the embedded default.
/// </summary>
public interface IKlantbeeldStore
{
    Task<KlantbeeldDocument?> GetAsync(Guid clientId, CancellationToken ct);

    /// <summary>The client's picture and the stamp of its register entry, read together (decision 0045).</summary>
    Task<(KlantbeeldDocument? Document, RegisterStamp Stamp)> GetWithRegisterStampAsync(Guid clientId, CancellationToken ct);

    /// <summary>
    /// Gives a client without a register stamp its first one, unless another caller did meanwhile; returns the stamp
    /// given, or <see cref="RegisterStamp.None"/> when there was one already.
    /// </summary>
    Task<RegisterStamp> StampRegisterAsync(Guid clientId, CancellationToken ct);

    /// <summary>Marks a change of the client's register entry as under way; call it before the change commits.</summary>
    Task BeginRegisterChangeAsync(Guid clientId, CancellationToken ct);

    /// <summary>Ends a change begun with <see cref="BeginRegisterChangeAsync"/>, committed or not: a new version, one change less under way.</summary>
    Task EndRegisterChangeAsync(Guid clientId, CancellationToken ct);

    /// <summary>
    /// Applies a change atomically with respect to concurrent changes of the same client, and moves the client's
    /// work items on the worklist index in the same step.
    /// </summary>
    Task<KlantbeeldDocument> UpdateAsync(Guid clientId, Func<KlantbeeldDocument?, KlantbeeldDocument> change, CancellationToken ct);

    /// <summary>The team's open work, nearest deadline first, optionally of one division or employee.</summary>
    Task<WorklistPage> ListWorklistAsync(string team, WorklistFilter filter, int offset, int count, CancellationToken ct);

    /// <summary>Removes every picture and worklist (before a rebuild).</summary>
    Task ClearAsync(CancellationToken ct);
}

public sealed record WorklistFilter(DivisionCode? Division, string? Employee, string? Kind = null)
{
    /// <summary>Only work that stands so (a handover's state).</summary>
    public string? Stand { get; init; }

    /// <summary>Only work due before this moment (work without a deadline never matches).</summary>
    public DateTimeOffset? DueBefore { get; init; }

    public bool Matches(WorkItem item) =>
        (Division is null || item.Division == Division) && (Employee is null || item.Employee == Employee) && (Kind is null || item.Kind == Kind)
        && (Stand is null || item.Stand == Stand)
        && (DueBefore is null || (item.DueAt is { } due && due < DueBefore));
}

public sealed record WorklistPage(IReadOnlyList<WorkItem> Items, int Total);
