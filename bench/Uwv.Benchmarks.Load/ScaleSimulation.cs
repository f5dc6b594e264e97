using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// National scale on one machine: a synthetic population of ~1.2 million clients across ~35 labour-market regions,
/// each with a realistic event history, run through the real klantbeeld projection and worklist functions.
/// Reports time, throughput, memory and the serialized size that Redis would hold.
/// </summary>
public static class ScaleSimulation
{
    private static readonly Uwv.Calendar.OfficeHours Office = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile();

    public static string Run(int clients, int regions)
    {
        var random = new Random(20261123);
        var divisions = new[] { DivisionCode.Smz, DivisionCode.Werkbedrijf, DivisionCode.Uitkeren, DivisionCode.BezwaarBeroep };
        var start = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        long events = 0;
        long bytes = 0;
        long workItems = 0;
        var sample = new List<KlantbeeldDocument>(capacity: 10_000);
        var worklistPerRegion = new long[regions];

        for (var i = 0; i < clients; i++)
        {
            var id = new Guid(i, 0, 0, new byte[8]);
            var region = i % regions;
            var at = start.AddMinutes(random.Next(0, 1_000_000));
            KlantbeeldDocument? doc = null;
            doc = KlantbeeldProjection.Apply(doc, new ClientRegistered(id, "123456782", $"Cliënt {i}", new DateOnly(1960 + i % 45, 1 + i % 12, 1 + i % 28),
                $"{1000 + region * 250 + random.Next(0, 250)}AB", $"region-{region}", at));
            events++;
            var dossiers = 1 + random.Next(0, 3);
            for (var d = 0; d < dossiers; d++)
            {
                var division = divisions[random.Next(divisions.Length)];
                at = at.AddDays(random.Next(1, 60));
                var dossierId = Guid.NewGuid();
                doc = KlantbeeldProjection.Apply(doc, new DossierOpened(dossierId, id, division, $"region-{region}", $"employee-{random.Next(500)}", at));
                events++;
                if (division == DivisionCode.Smz)
                {
                    doc = KlantbeeldProjection.Apply(doc, new BeoordelingRecorded(Guid.NewGuid(), id, "WIA-claimbeoordeling", "35-80%",
                        "Kan 4 uur per dag licht werk doen", DateOnly.FromDateTime(at.UtcDateTime), at.AddDays(30)));
                    events++;
                }
            }
            if (random.NextDouble() < 0.03)
            {
                doc = KlantbeeldProjection.Apply(doc, new ClientMoved(id, doc.Postcode!, "6836CD", doc.AreaTeam!, $"region-{(region + 1) % regions}", "sim", at.AddDays(90)));
                events++;
            }
            var items = Worklist.ItemsOf(doc, Office);
            workItems += items.Count;
            worklistPerRegion[region] += items.Count;
            bytes += JsonSerializer.SerializeToUtf8Bytes(doc).Length;
            if (sample.Count < sample.Capacity)
            {
                sample.Add(doc);
            }
        }
        clock.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: false);
        var perDoc = (double)bytes / clients;
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            | population | {clients:N0} clients in {regions} regions |
            |---|---|
            | events applied | {events:N0} ({events / clock.Elapsed.TotalSeconds:N0} events/s on one core, {clock.Elapsed.TotalSeconds:0.0} s) |
            | serialized picture | {perDoc:0} bytes on average → {bytes / 1024.0 / 1024 / 1024:0.00} GiB of documents in Redis (before Redis overhead of ~50–80 bytes per key) |
            | worklist items | {workItems:N0} in total, {worklistPerRegion.Max():N0} in the largest region |
            | managed memory of the simulation | {(after - before) / 1024.0 / 1024:0} MiB while holding {sample.Count:N0} sample pictures (pictures are not kept in process memory by the service: Redis holds them) |
            """);
    }
}
