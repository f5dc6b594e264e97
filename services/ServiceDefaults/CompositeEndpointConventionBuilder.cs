using Microsoft.AspNetCore.Builder;

namespace Uwv.ServiceDefaults;

/// <summary>Applies a convention (e.g. RequireLocalPort in the single-process host) to several mapped endpoints at once.</summary>
public sealed class CompositeEndpointConventionBuilder(IEnumerable<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    private readonly List<IEndpointConventionBuilder> _builders = builders.ToList();

    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in _builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in _builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
