using Uwv.Benchmarks.Load;

// Load benchmarks on real servers (prints the table for docs/benchmarks.md): dotnet run -c Release -- [--quick]
// National-scale simulation of the klantbeeld projection (no servers): dotnet run -c Release -- --scale
if (args.Contains("--scale"))
{
    Console.WriteLine(ScaleSimulation.Run(clients: 1_200_000, regions: 35));
    return;
}
var quick = args.Contains("--quick");
var report = await LoadBenchmark.RunAsync(quick);
Console.WriteLine(report);
