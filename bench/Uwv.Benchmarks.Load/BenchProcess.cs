using System.Diagnostics;
using System.Net.Sockets;
using Uwv.Testing;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// A process of the benchmark's own (built by the Release build of the solution), on a free loopback port, on the same
/// servers as the platform: the read baseline (bench/Uwv.Benchmarks.Baseline) and the parts of the handover floor
/// (bench/Uwv.Benchmarks.Floor).
/// </summary>
public sealed class BenchProcess : IDisposable
{
    private readonly Process _process;

    private BenchProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>The baseline of the read measures: the same request answered with the same stored bytes, without authorization or audit.</summary>
    public static Task<BenchProcess> BaselineAsync(string redis) =>
        StartAsync("Uwv.Benchmarks.Baseline", new Dictionary<string, string> { ["ConnectionStrings__redis"] = redis });

    public static async Task<BenchProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        var assembly = $"bench/{project}/bin/Release/net10.0/{project}.dll";
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", assembly) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start ({assembly}; build Release first)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100 && !process.HasExited; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return new BenchProcess(process, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        throw new InvalidOperationException($"{project} did not listen within 20 seconds");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
