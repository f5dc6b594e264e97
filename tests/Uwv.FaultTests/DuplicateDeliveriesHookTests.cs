using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.FaultTests;

/// <summary>The fault tests' duplicate-delivery switch exists only outside Production, and only under its own key.</summary>
public sealed class DuplicateDeliveriesHookTests
{
    [Theory]
    [InlineData("Development", "2", 2)]
    [InlineData("Staging", "1", 1)]
    [InlineData("Production", "2", 0)]
    [InlineData("Development", null, 0)]
    public void BusFaultsDuplicateDeliveries_IsHonouredOnlyOutsideProduction(string environment, string? configured, int expected)
    {
        OptionsFor(environment, ("Bus:Faults:DuplicateDeliveries", configured)).DuplicateDeliveries.ShouldBe(expected);
    }

    [Fact]
    public void OutboxSection_CannotSwitchDuplicatesOn()
    {
        OptionsFor("Development", ("Outbox:DuplicateDeliveries", "2")).DuplicateDeliveries.ShouldBe(0);
    }

    private static OutboxOptions OptionsFor(string environment, (string Key, string? Value) setting)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(setting.Key, setting.Value)]);
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.AddUwvBus("hook");
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
    }
}
