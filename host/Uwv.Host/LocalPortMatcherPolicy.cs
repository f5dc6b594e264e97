using Microsoft.AspNetCore.Routing.Matching;

namespace Uwv.Host;

/// <summary>The local ports on which an endpoint of the embedded default answers.</summary>
public sealed record LocalPortMetadata(IReadOnlyList<int> Ports);

/// <summary>
/// Selects an endpoint by the local port that received the connection, never by the Host header: a caller chooses the
/// Host header, so matching on it would let a request on the gateway's port reach a service directly (or the gateway's
/// pages be served on a service's port). Endpoints without <see cref="LocalPortMetadata"/> (health) answer on every port.
/// </summary>
public sealed class LocalPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before the other selector policies, like the host matcher it replaces.
    public override int Order => -100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<LocalPortMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var port = httpContext.Connection.LocalPort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && candidates[i].Endpoint.Metadata.GetMetadata<LocalPortMetadata>() is { } ports
                && !ports.Ports.Contains(port))
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}

public static class LocalPortEndpointExtensions
{
    /// <summary>The endpoints answer only on connections received on one of these local ports.</summary>
    public static TBuilder RequireLocalPort<TBuilder>(this TBuilder builder, params int[] ports) where TBuilder : IEndpointConventionBuilder
    {
        var metadata = new LocalPortMetadata(ports);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
