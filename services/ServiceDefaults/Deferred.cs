using Microsoft.Extensions.DependencyInjection;

namespace Uwv.ServiceDefaults;

/// <summary>
/// A scoped service resolved from the call's scope on first use, not when the class that needs it is built. A gRPC
/// service class is built for every call with all its dependencies, so a pooled DbContext that only some of its methods
/// use would otherwise be rented and returned on every call.
/// </summary>
public sealed class Deferred<T>(IServiceProvider services) where T : notnull
{
    private T? _value;

    public T Value => _value ??= services.GetRequiredService<T>();

    /// <summary>Whether <see cref="Value"/> has been resolved in this scope.</summary>
    public bool IsResolved => _value is not null;
}
