using System.Diagnostics;
using System.Net.Sockets;
using Uwv.Testing;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// The baseline of the read measures (bench/Uwv.Benchmarks.Baseline) as its own process on a free loopback port, on the
/// same Redis as the platform: the same request answered with the same stored bytes, without authorization or audit.
/// </summary>
public sealed class BaselineProcess : IDisposable
{
    private const string Assembly = "bench/Uwv.Benchmarks.Baseline/bin/Release/net10.0/Uwv.Benchmarks.Baseline.dll";
    private readonly Process _process;

    private BaselineProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<BaselineProcess> StartAsync(string redis)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", Assembly) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__redis"] = redis;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"the baseline did not start ({Assembly}; build Release first)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return new BaselineProcess(process, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the baseline did not listen within 20 seconds");
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
