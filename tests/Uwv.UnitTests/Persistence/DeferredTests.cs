using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Uwv.ServiceDefaults;
using Xunit;

namespace Uwv.UnitTests.Persistence;

public sealed class DeferredTests
{
    private sealed class Rented
    {
        public static int Built;

        public Rented() => Interlocked.Increment(ref Built);
    }

    private sealed class NeedsItSometimes(Deferred<Rented> rented)
    {
        public Rented Use() => rented.Value;

        public bool Resolved => rented.IsResolved;
    }

    private static ServiceProvider Services() => new ServiceCollection()
        .AddScoped<Rented>()
        .AddScoped(typeof(Deferred<>))
        .AddScoped<NeedsItSometimes>()
        .BuildServiceProvider(validateScopes: true);

    [Fact]
    public void Deferred_IsNotResolvedWhenItsHolderIsBuilt()
    {
        using var services = Services();
        using var scope = services.CreateScope();
        var before = Rented.Built;

        var holder = scope.ServiceProvider.GetRequiredService<NeedsItSometimes>();

        holder.Resolved.ShouldBeFalse();
        Rented.Built.ShouldBe(before);
    }

    [Fact]
    public void Deferred_OnUse_IsTheScopesOwnInstance_ResolvedOnce()
    {
        using var services = Services();
        using var scope = services.CreateScope();
        var holder = scope.ServiceProvider.GetRequiredService<NeedsItSometimes>();

        var first = holder.Use();

        holder.Use().ShouldBeSameAs(first);
        scope.ServiceProvider.GetRequiredService<Rented>().ShouldBeSameAs(first);
        holder.Resolved.ShouldBeTrue();
    }

    [Fact]
    public void Deferred_InAnotherScope_IsAnotherInstance()
    {
        using var services = Services();
        using var one = services.CreateScope();
        using var two = services.CreateScope();

        one.ServiceProvider.GetRequiredService<NeedsItSometimes>().Use()
            .ShouldNotBeSameAs(two.ServiceProvider.GetRequiredService<NeedsItSometimes>().Use());
    }
}
