using System.Globalization;
using Uwv.Testing;

namespace Uwv.IntegrationTests;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void TestPorts_AreBelowTheEphemeralRange_AndNeverGivenTwice()
    {
        var ephemeralLow = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], CultureInfo.InvariantCulture);

        var ports = Enumerable.Range(0, 200).Select(_ => LoopbackPorts.Free()).ToList();

        ports.ShouldAllBe(p => p >= 20_000 && p < ephemeralLow);
        ports.Distinct().Count().ShouldBe(ports.Count);
    }
}
