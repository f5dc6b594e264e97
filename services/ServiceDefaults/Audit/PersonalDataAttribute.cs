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
}
