using System.Diagnostics;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// With <c>--profile DIR</c>: <c>perf record</c> on every CPU with call graphs for the length of one measure, into
/// DIR/&lt;measure&gt;.data. The services run with DOTNET_PerfMapEnabled=1, so their JIT-compiled frames get names
/// (perf reads /tmp/perf-PID.map); read the result with <c>perf report -i DIR/handover.data --sort pid,sym</c>.
/// </summary>
public sealed class PerfRecorder : IAsyncDisposable
{
    private readonly Process? _perf;

    private PerfRecorder(Process? perf) => _perf = perf;

    /// <summary>The folder the recordings go to, or null when the run is not profiled.</summary>
    public static string? Directory { get; set; }

    public static async Task<PerfRecorder> StartAsync(string measure)
    {
        if (Directory is null)
        {
            return new PerfRecorder(null);
        }
        System.IO.Directory.CreateDirectory(Directory);
        var start = new ProcessStartInfo("perf")
        {
            ArgumentList = { "record", "-a", "-g", "-F", "499", "-o", Path.Combine(Directory, measure + ".data") },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        var perf = Process.Start(start) ?? throw new InvalidOperationException("perf did not start (apt-get install linux-perf)");
        perf.ErrorDataReceived += (_, _) => { };
        perf.OutputDataReceived += (_, _) => { };
        perf.BeginErrorReadLine();
        perf.BeginOutputReadLine();
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // perf attaches to every CPU before the measure starts
        return new PerfRecorder(perf);
    }

    public async ValueTask DisposeAsync()
    {
        if (_perf is null)
        {
            return;
        }
        // SIGINT makes perf write its header and exit cleanly.
        using (var kill = Process.Start("kill", ["-INT", _perf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        await _perf.WaitForExitAsync();
        _perf.Dispose();
    }
}
