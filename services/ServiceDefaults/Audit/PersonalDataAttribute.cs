namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Marks a gRPC method that reads or writes personal data: every call to it is recorded in the audit log
/// (who, role, team, which client, which field groups, when, the stated purpose, allowed or denied).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PersonalDataAttribute(string fields) : Attribute
{
    /// <summary>The field groups the method touches, e.g. "person,address".</summary>
    public string Fields { get; } = fields;

    /// <summary>
    /// The method changes state: its audit record commits in the same SaveChanges as the change, in the service's outbox
    /// (<see cref="AuditedWrite"/>), instead of being published before the answer; a broker outage delays it, never loses it.
    /// </summary>
    public bool Writes { get; set; }
}
