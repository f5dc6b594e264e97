using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The field groups of the klantbeeld message, and the server-side removal of every field the caller may not see.
/// A field that no group claims is removed for everyone (default deny), so a new field is hidden until it is classified.
/// </summary>
public static class FieldGroups
{
    public const string Person = "person";
    public const string Bsn = "bsn";
    public const string Address = "address";
    public const string Beoordelingen = "beoordelingen";
    public const string Dossiers = "dossiers";
    public const string Divisions = "divisions";
    public const string Handovers = "handovers";

    /// <summary>Fields every shown picture carries: identity and bookkeeping, no personal data beyond the id.</summary>
    private static readonly HashSet<string> Always = ["client_id", "updated_at", "field_groups", "klantreis_status"];

    private static readonly Dictionary<string, string> GroupOfField = new()
    {
        ["name"] = Person,
        ["date_of_birth"] = Person,
        ["bsn"] = Bsn,
        ["postcode"] = Address,
        ["area_team"] = Address,
        ["moves"] = Address,
        ["beoordelingen"] = Beoordelingen,
        ["dossiers"] = Dossiers,
        ["handovers"] = Handovers,
    };

    /// <summary>The group of a field: named above, or by the number range reserved for the divisions (20–49) and the handover (50–69).</summary>
    public static string? GroupOf(FieldDescriptor field) =>
        Always.Contains(field.Name) ? "" :
        GroupOfField.TryGetValue(field.Name, out var group) ? group :
        field.FieldNumber is >= 20 and <= 49 ? Divisions :
        field.FieldNumber is >= 50 and <= 69 ? Handovers :
        null;

    /// <summary>Clears every field of <paramref name="message"/> whose group is not in <paramref name="allowed"/>.</summary>
    public static void Strip(IMessage message, IReadOnlySet<string> allowed)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var group = GroupOf(field);
            if (group == "" || (group is not null && allowed.Contains(group)))
            {
                continue;
            }
            field.Accessor.Clear(message);
        }
    }
}
