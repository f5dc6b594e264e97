using System.Security.Claims;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Klantbeeld.Domain;

public sealed record AccessDecision(bool Allowed, string FieldGroups, string Reason);

/// <summary>Who may see a client's picture: default deny; employees of the client's own area team only.</summary>
public static class KlantbeeldAccess
{
    private static readonly HashSet<string> TeamRoles = Roles.CaseWorkers.Split(',').ToHashSet();

    public static AccessDecision Decide(ClaimsPrincipal user, string clientTeam)
    {
        var roles = user.RoleNames();
        if (!roles.Any(TeamRoles.Contains))
        {
            return new AccessDecision(false, "", "this role sees aggregates or the audit log, not client pictures");
        }
        if (!string.Equals(user.TeamOf(), clientTeam, StringComparison.Ordinal))
        {
            return new AccessDecision(false, "", "the client belongs to another area team");
        }
        return new AccessDecision(true, "person,address,beoordelingen,dossiers,handovers", "");
    }
}
