using System.Security.Claims;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Auth;

public static class TeamScope
{
    /// <summary>Employees act for clients of their own area team only.</summary>
    public static void EnsureSameTeam(ClaimsPrincipal user, string clientTeam)
    {
        if (!string.Equals(user.TeamOf(), clientTeam, StringComparison.Ordinal))
        {
            throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the client belongs to another area team");
        }
    }
}
