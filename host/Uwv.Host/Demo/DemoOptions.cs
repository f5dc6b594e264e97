namespace Uwv.Host.Demo;

/// <summary>The demo of the embedded run: Arnhem clients with histories, and optionally work that keeps flowing.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo at the first start (an empty platform).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Seed also when the embedded platform is hosted by another program (a test). Off by default: test suites share
    /// the host's settings and count rows, so a demo writing in the background would disturb them.
    /// </summary>
    public bool InTestHost { get; set; }

    /// <summary>How many clients (each with a history across the divisions) the first start creates.</summary>
    public int Clients { get; set; } = 2000;

    /// <summary>Keep creating new work after the seed, every <see cref="SimulateInterval"/>.</summary>
    public bool Simulate { get; set; }

    public TimeSpan SimulateInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Parallel clients while seeding: enough to fill the dashboard quickly, few enough to leave the host responsive.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>The seed of the synthetic history: the same seed gives the same demo.</summary>
    public int Seed { get; set; } = 20240101;

    /// <summary>The history's days lie in this many days before today.</summary>
    public int Days { get; set; } = 90;
}
