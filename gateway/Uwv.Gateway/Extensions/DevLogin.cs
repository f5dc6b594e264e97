using Uwv.ServiceDefaults.Auth;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// The development login: lists the demo users and issues their tokens. Mapped only when Auth:EnableDevIssuer is
/// set and no real OIDC authority is configured, and never in Production.
/// </summary>
public static class DevLogin
{
    public sealed record TokenRequest(string? User);

    public sealed record TokenResponse(string Token, string User, string Role, string Team, string Division, string DisplayName);

    public static void MapDevLogin(this IEndpointRouteBuilder app, List<IEndpointConventionBuilder> mapped)
    {
        var group = app.MapGroup("/dev").AllowAnonymous();
        mapped.Add(group.MapGet("/users", () => DemoUsers.All.Select(u => new { u.UserName, u.DisplayName, u.Role, u.Division, u.Team })));
        mapped.Add(group.MapPost("/token", (TokenRequest request, DevTokenIssuer issuer) => Issue(request.User, issuer)));
        mapped.Add(group.MapGet("/token", (string? user, DevTokenIssuer issuer) => Issue(user, issuer)));
    }

    private static IResult Issue(string? userName, DevTokenIssuer issuer)
    {
        var user = userName is null ? null : DemoUsers.Find(userName);
        if (user is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende demo-gebruiker",
                detail: "Kies een gebruiker uit /dev/users.");
        }
        return Results.Ok(new TokenResponse(issuer.Issue(user), user.UserName, user.Role, user.Team, user.Division, user.DisplayName));
    }
}
