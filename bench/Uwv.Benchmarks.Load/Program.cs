using Uwv.Benchmarks.Load;

// Load benchmarks on real servers; writes docs/benchmarks.md. Usage: dotnet run -c Release -- [--quick]
var quick = args.Contains("--quick");
var report = await LoadBenchmark.RunAsync(quick);
Console.WriteLine(report);
