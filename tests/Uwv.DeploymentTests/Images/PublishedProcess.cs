using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Uwv.DeploymentTests.Images;

/// <summary>
/// A published process started the way its image starts it (<c>dotnet /app/&lt;assembly&gt;.dll</c> in its /app folder),
/// and stopped the way Kubernetes stops it (SIGTERM, then a grace period).
/// </summary>
public sealed class PublishedProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly StringBuilder log = new();

    private PublishedProcess(Process process)
    {
        this.process = process;
    }

    public bool HasExited => process.HasExited;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static PublishedProcess Start(string folder, string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(folder, assembly + ".dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Nothing of the test run's own environment may decide how the process listens or whether it has a sidecar.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("DAPR_", StringComparison.Ordinal) || k is "DOTNET_URLS" or "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start");
        var published = new PublishedProcess(process);
        process.OutputDataReceived += (_, e) => published.Append(e.Data);
        process.ErrorDataReceived += (_, e) => published.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return published;
    }

    /// <summary>Sends SIGTERM and waits for the process to end; returns its exit code, or null if it had to be killed.</summary>
    public async Task<int?> StopAsync(TimeSpan grace)
    {
        if (!process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return null;
            }
            _ = Kill(process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return null;
            }
        }
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Waits for the process to end by itself; returns its exit code, or null if it still runs after the time-out.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
