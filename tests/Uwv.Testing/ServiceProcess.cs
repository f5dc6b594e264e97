using System.Diagnostics;

namespace Uwv.Testing;

/// <summary>One service of the platform running as its own process, its output kept in a log file.</summary>
public sealed class ServiceProcess(string name, string project, string logDirectory) : IDisposable
{
    private Process? _process;
    private StreamWriter? _log;

    public string Name { get; } = name;

    public string DllPath => Path.Combine(RepoPaths.Root, Path.GetDirectoryName(project)!, "bin", RepoPaths.Configuration, "net10.0",
        Path.GetFileName(project) + ".dll");

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    public void Start(IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException($"{Name} is not built", DllPath);
        }
        var start = new ProcessStartInfo("dotnet", [DllPath])
        {
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        Directory.CreateDirectory(logDirectory);
        _log = new StreamWriter(Path.Combine(logDirectory, Name + ".log"), append: true) { AutoFlush = true };
        _log.WriteLine($"===== start {DateTimeOffset.UtcNow:O}");
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        var log = _log;
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Kills the process at once, as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
        _log?.Dispose();
        _log = null;
    }

    /// <summary>Asks the process to stop (SIGTERM, as Kubernetes does) and waits until it has drained and exited.</summary>
    public async Task TerminateAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(patience.Token);
        Kill();
    }

    public void Dispose() => Kill();

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process is being stopped; its last lines are not needed.
            }
        }
    }
}
