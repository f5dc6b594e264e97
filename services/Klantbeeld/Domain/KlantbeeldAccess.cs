using System.Security.Claims;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Klantbeeld.Domain;

/// <summary>Whether a picture is shown, which field groups, and if not, why (<see cref="Rule"/>: an access reason's name).</summary>
public sealed record AccessDecision(bool Allowed, IReadOnlySet<string> FieldGroups, string Reason, string Rule = "")
{
    /// <summary>The field groups in ordinal order, as the answer lists them.</summary>
    public IReadOnlyList<string> OrderedGroups { get; } = [.. FieldGroups.Order(StringComparer.Ordinal)];

    /// <summary>The field groups as the audit record names them.</summary>
    public string GroupsText { get; } = string.Join(',', FieldGroups);
}

/// <summary>
/// Who may see which part of a client's picture. Default deny: only employees of the client's own area team see a
/// picture, and they see the field groups listed here; managers see aggregates and the privacy officer the audit log,
/// never pictures. Medical content is not in the picture at all: it stays in SMZ, for SMZ medical roles.
/// </summary>
public static class KlantbeeldAccess
{
    /// <summary>Every field group of the picture.</summary>
    public static readonly IReadOnlySet<string> AllGroups = new HashSet<string>
    {
        FieldGroups.Person, FieldGroups.Bsn, FieldGroups.Address, FieldGroups.Beoordelingen, FieldGroups.Dossiers,
        FieldGroups.Divisions, FieldGroups.Handovers,
    };

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> GroupsByRole = new Dictionary<string, IReadOnlySet<string>>
    {
        [Roles.Verzekeringsarts] = AllGroups,
        [Roles.Arbeidsdeskundige] = AllGroups,
        [Roles.Procesbegeleider] = AllGroups,
        [Roles.AdviseurWerk] = AllGroups,
        [Roles.Uitkeringsdeskundige] = AllGroups,
        [Roles.Jurist] = AllGroups,
        [Roles.Teamleider] = AllGroups,
    };

    /// <summary>The allowed decision of each single role, made once: most callers hold one role.</summary>
    private static readonly IReadOnlyDictionary<string, AccessDecision> AllowedByRole =
        GroupsByRole.ToDictionary(r => r.Key, r => new AccessDecision(true, r.Value, ""));

    public static AccessDecision Decide(ClaimsPrincipal user, string clientTeam)
    {
        var roles = user.RoleNames();
        if (roles.Count == 1 && AllowedByRole.TryGetValue(roles[0], out var allowed))
        {
            return string.Equals(user.TeamOf(), clientTeam, StringComparison.Ordinal) ? allowed : OtherTeam;
        }
        var groups = roles
            .Where(GroupsByRole.ContainsKey)
            .SelectMany(r => GroupsByRole[r])
            .ToHashSet();
        if (groups.Count == 0)
        {
            return new AccessDecision(false, groups, "this role sees aggregates or the audit log, not client pictures", AccessReasons.Role);
        }
        if (!string.Equals(user.TeamOf(), clientTeam, StringComparison.Ordinal))
        {
            return OtherTeam;
        }
        return new AccessDecision(true, groups, "");
    }

    private static readonly AccessDecision OtherTeam =
        new(false, new HashSet<string>(), "the client belongs to another area team", AccessReasons.AreaTeam);
}
