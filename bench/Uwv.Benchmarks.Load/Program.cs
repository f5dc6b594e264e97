using Uwv.Benchmarks.Load;

// Load benchmarks on real servers (prints the table for docs/benchmarks.md):
//   dotnet run -c Release -- [--quick] [--only gateway,reads,events,handover] [--handover-rate 500] [--profile DIR]
// National-scale simulation of the klantbeeld projection (no servers): dotnet run -c Release -- --scale
if (args.Contains("--scale"))
{
    Console.WriteLine(ScaleSimulation.Run(clients: 1_200_000, regions: 35));
    return;
}
var quick = args.Contains("--quick");
var onlyAt = Array.IndexOf(args, "--only");
var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1].Split(',').ToHashSet() : [];
var rateAt = Array.IndexOf(args, "--handover-rate");
if (rateAt >= 0 && rateAt + 1 < args.Length)
{
    LoadBenchmark.HandoverRate = int.Parse(args[rateAt + 1], System.Globalization.CultureInfo.InvariantCulture);
}
var profileAt = Array.IndexOf(args, "--profile");
if (profileAt >= 0 && profileAt + 1 < args.Length)
{
    PerfRecorder.Directory = Path.GetFullPath(args[profileAt + 1]);
}
var report = await LoadBenchmark.RunAsync(quick, only);
Console.WriteLine(report);
