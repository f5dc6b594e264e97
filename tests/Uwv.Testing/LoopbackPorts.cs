using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Uwv.Testing;

/// <summary>
/// Loopback TCP ports for the services a test starts. A port from the kernel's ephemeral range (what binding port 0
/// gives) can be taken by any outgoing connection, to PostgreSQL or RabbitMQ say, between the probe and the service's
/// bind; that failed runs with "address already in use". These ports come from below that range instead, are free
/// when handed out, and are handed out once per test process.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 20_000;
    private static readonly HashSet<int> Given = [];
    private static readonly int BelowEphemeral = EphemeralLow();

    public static int Free()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, BelowEphemeral);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"no free loopback port between {Lowest} and {BelowEphemeral}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux default 32768).</summary>
    private static int EphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var text = File.Exists(range) ? File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        return text.Length > 0 && int.TryParse(text[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var low) && low > Lowest + 1000
            ? low
            : 32_768;
    }
}
