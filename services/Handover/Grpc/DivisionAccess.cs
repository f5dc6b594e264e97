using System.Security.Claims;
using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Handover.Grpc;

/// <summary>Which side of a handover an employee may act for: their own division (a teamleider acts for every division).</summary>
public static class DivisionAccess
{
    public static void EnsureActsFor(ClaimsPrincipal user, DivisionCode division, string side)
    {
        if (user.RoleNames().Contains(Roles.Teamleider))
        {
            return;
        }
        var code = HandoverKinds.Code(division);
        if (!string.Equals(user.DivisionOf(), code, StringComparison.OrdinalIgnoreCase))
        {
            throw RpcErrors.PermissionDenied(AccessReasons.Division, $"only employees of the {side} division ({code}) may do this");
        }
    }
}
