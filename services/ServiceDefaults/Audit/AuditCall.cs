using Grpc.Core;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// What a handler tells the audit record about its call: the client of the record it loaded (a method addressed by a
/// dossier, beoordeling, bezwaar... id names no client in its request) and the field groups it actually returned.
/// Set the client as soon as the record is loaded, before the team check, so that a refusal names the client too.
/// </summary>
public static class AuditCall
{
    /// <summary>The key in <see cref="ServerCallContext.UserState"/> of the client the call touched.</summary>
    public const string ClientKey = "uwv-audit-client";

    /// <summary>The key in <see cref="ServerCallContext.UserState"/> of the field groups a handler narrowed the answer to.</summary>
    public const string FieldsKey = "uwv-audit-fields";

    /// <summary>The key in <see cref="ServerCallContext.UserState"/> of the checked purpose of a read, as it is recorded.</summary>
    public const string PurposeKey = "uwv-audit-purpose";

    // The user state of the call being served, for shared code that has no ServerCallContext (dossier and contact
    // commands). Set by the audit interceptor for the duration of an audited call only.
    private static readonly AsyncLocal<IDictionary<object, object>?> Current = new();

    public static void AuditClient(this ServerCallContext context, Guid clientId) => context.UserState[ClientKey] = clientId;

    public static void AuditFields(this ServerCallContext context, string fields) => context.UserState[FieldsKey] = fields;

    /// <summary>Names the client of the call being served, from code that has no <see cref="ServerCallContext"/>.</summary>
    public static void NameClient(Guid clientId)
    {
        if (Current.Value is { } state)
        {
            state[ClientKey] = clientId;
        }
    }

    internal static IDisposable Begin(IDictionary<object, object> userState)
    {
        var previous = Current.Value;
        Current.Value = userState;
        return new Restore(previous);
    }

    internal static Guid? ClientOf(IDictionary<object, object> userState) =>
        userState.TryGetValue(ClientKey, out var value) && value is Guid id ? id : null;

    internal static string? PurposeOf(IDictionary<object, object> userState) =>
        userState.TryGetValue(PurposeKey, out var value) && value is string purpose ? purpose : null;

    internal static string? FieldsOf(IDictionary<object, object> userState) =>
        userState.TryGetValue(FieldsKey, out var value) && value is string fields ? fields : null;

    private sealed class Restore(IDictionary<object, object>? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
