using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Images;

/// <summary>
/// Publishes every process the way its container image is built: Release, framework-dependent, for the portable
/// Linux runtime identifier the SDK gives the image. One <c>dotnet publish</c> of a solution listing just those
/// projects (restored once, built in parallel), into an artifacts folder of its own, so the work tree's bin/obj
/// stay untouched. One workspace per test run; deleted afterwards.
/// </summary>
public sealed class PublishWorkspace : IDisposable
{
    // A guard against a hung build, not a budget: the publish takes about a minute on an idle machine.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private readonly Lazy<string> publishLog;

    public PublishWorkspace()
    {
        publishLog = new Lazy<string>(PublishAll);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("uwv-images-").FullName;

    private string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The runtime identifier the SDK's container publishing gives an image built where the tests run.</summary>
    public static string RuntimeIdentifier =>
        $"linux-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";

    /// <summary>The folder holding what the process's image holds in /app.</summary>
    public string PublishedFolder(string process, string assembly)
    {
        var log = publishLog.Value;
        var folder = Path.Combine(Artifacts, "publish", assembly, $"release_{RuntimeIdentifier}");
        if (!File.Exists(Path.Combine(folder, assembly + ".dll")))
        {
            throw new InvalidOperationException($"{process} was not published:\n{log}");
        }
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not quite let go of its files; the temp folder is cleaned by the system.
        }
    }

    private string PublishAll()
    {
        var solution = Path.Combine(Root, "images.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(Platform.Processes.Select(p =>
            $"  <Project Path=\"{Path.GetRelativePath(Root, Repo.PathOf(Platform.ProjectPath(p))).Replace('\\', '/')}\" />\n")) + "</Solution>\n");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "publish", solution, "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "false",
            "--artifacts-path", Artifacts, "--nologo", "-v", "q", "-nodeReuse:false",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var log = new StringBuilder();
        publish.OutputDataReceived += (_, e) => Append(log, e.Data);
        publish.ErrorDataReceived += (_, e) => Append(log, e.Data);
        publish.BeginOutputReadLine();
        publish.BeginErrorReadLine();
        if (!publish.WaitForExit(PublishTimeout))
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took longer than {PublishTimeout}:\n{log}");
        }
        publish.WaitForExit();
        lock (log)
        {
            return $"dotnet publish exited with {publish.ExitCode}\n{log}";
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
