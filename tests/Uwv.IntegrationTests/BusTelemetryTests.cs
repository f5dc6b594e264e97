using MassTransit;
using Microsoft.Extensions.Options;

namespace Uwv.IntegrationTests;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class BusTelemetryTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public void Bus_NeverReportsUsageTelemetry_ToItsVendor()
    {
        platform.Service<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeFalse();
    }
}
