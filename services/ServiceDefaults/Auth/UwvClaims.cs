using System.Security.Claims;

namespace Uwv.ServiceDefaults.Auth;

/// <summary>Claim names in the platform's tokens, and typed access to them.</summary>
public static class UwvClaims
{
    public const string Role = "role";
    public const string Team = "team";
    public const string Division = "division";
    public const string Name = "name";
    public const string Subject = "sub";

    public static string SubjectId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    public static string? TeamOf(this ClaimsPrincipal user) => user.FindFirstValue(Team);

    public static string? DivisionOf(this ClaimsPrincipal user) => user.FindFirstValue(Division);

    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user) =>
        user.FindAll(Role).Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct().ToList();

    public static bool HasAnyRole(this ClaimsPrincipal user, IEnumerable<string> roles) =>
        roles.Any(r => user.IsInRole(r));
}
