using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Uwv.Benchmarks.Load;

/// <summary>Drives unary gRPC with h2load (nghttp2) and reads its per-request log for percentiles.</summary>
public static partial class H2Load
{
    public sealed record Result(double RequestsPerSecond, long Succeeded, long Failed, Percentiles Latency);

    public static async Task<Result> RunAsync(Uri target, string token, byte[] framedBody, string arguments)
    {
        var body = Path.GetTempFileName();
        var log = Path.GetTempFileName();
        await File.WriteAllBytesAsync(body, framedBody);
        var start = new ProcessStartInfo("h2load",
            $"{arguments} --log-file={log} -d {body} -H \"content-type: application/grpc\" -H \"te: trailers\" " +
            $"-H \"authorization: Bearer {token}\" {target}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start (install nghttp2-client)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = double.Parse(Rps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var ok = long.Parse(Succeeded().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var failed = long.Parse(Failed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        // Log lines: start time (µs since epoch), status code, duration (µs).
        var durations = (await File.ReadAllLinesAsync(log))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 3 && f[1] == "200")
            .Select(f => double.Parse(f[2], CultureInfo.InvariantCulture) / 1000.0)
            .ToList();
        File.Delete(body);
        File.Delete(log);
        return new Result(rps, ok, failed, Percentiles.Of(durations));
    }

    [GeneratedRegex(@"finished in [^,]+, ([0-9.]+) req/s")]
    private static partial Regex Rps();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex Succeeded();

    [GeneratedRegex(@"requests: .* (\d+) failed")]
    private static partial Regex Failed();
}
