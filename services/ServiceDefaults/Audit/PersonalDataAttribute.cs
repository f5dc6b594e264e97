namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// A gRPC method whose every call is recorded in the audit log: who (subject, role, team), which client, which field
/// groups, when, the stated purpose and the outcome (allowed, denied, not_found, ...). Every gRPC method carries either
/// a subclass of this attribute or <see cref="NoPersonalDataAttribute"/>; a test walks every service to enforce it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class AuditedAttribute(string fields) : Attribute
{
    /// <summary>The field groups the method touches when it is allowed, e.g. "person,address".</summary>
    public string Fields { get; } = fields;

    /// <summary>
    /// The method changes state: its audit record commits in the same SaveChanges as the change, in the service's outbox
    /// (<see cref="AuditedWrite"/>), instead of being published before the answer; a broker outage delays it, never loses it.
    /// </summary>
    public bool Writes { get; set; }
}

/// <summary>Marks a gRPC method that reads or writes personal data of a client (see <see cref="AuditedAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PersonalDataAttribute(string fields) : AuditedAttribute(fields);

/// <summary>
/// Marks an operator's or privacy officer's action on the platform itself (a rebuild of the read model, a read of the
/// audit log): recorded like a personal-data call, under the action's name, without a client.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AdministrativeActionAttribute(string action) : AuditedAttribute(action);

/// <summary>
/// Declares that a gRPC method touches no personal data and is therefore not audited; the reason is required, so
/// that a reviewer can check the claim (e.g. "aggregates only").
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class NoPersonalDataAttribute : Attribute
{
    public NoPersonalDataAttribute(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    public string Reason { get; }
}
