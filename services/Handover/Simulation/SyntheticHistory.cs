using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using Uwv.Calendar;

namespace Uwv.Handover.Simulation;

/// <summary>
/// A deterministic synthetic history of the Arnhem area teams: dossier lineages that move between the four divisions
/// through the real <see cref="HandoverDecider"/> (nazorg attempts, letters, overrides, warme overdracht, returns,
/// ping-pongs, late acceptances that escalate), plus herbeoordelingsverzoeken. Streams one lineage at a time, so
/// memory stays flat whatever the size; the same seed, index and calendar always give the same events.
/// </summary>
public sealed class SyntheticHistory(OfficeHours office)
{
    public static readonly string[] Teams = ["arnhem-centrum", "arnhem-noord", "arnhem-zuid"];
    private readonly HandoverOptions _options = new() { Office = office };
    private readonly TimeZoneInfo _zone = office.TimeZone;

    /// <summary>The lineages of one partition (index % partitions == partition) until about <paramref name="handovers"/> in total.</summary>
    public IEnumerable<IReadOnlyList<IClientEvent>> Lineages(int seed, long handovers, DateOnly start, int days, int partition = 0, int partitions = 1)
    {
        // A lineage has 1.6 handovers on average; the index space is sized so the partitions together reach the target.
        var lineages = (long)Math.Ceiling(handovers / 1.6);
        for (var index = (long)partition; index < lineages; index += partitions)
        {
            yield return Lineage(seed, index, start, days);
        }
    }

    public IReadOnlyList<IClientEvent> Lineage(int seed, long index, DateOnly start, int days)
    {
        var random = new Random(Mix(seed, index));
        var events = new List<IClientEvent>();
        var team = Teams[random.Next(Teams.Length)];
        var now = Office(start.AddDays(random.Next(days)), random);
        var owner = Start(random);
        var dossierId = NewId(random);
        var clientId = NewId(random);
        events.Add(new DossierOpened(dossierId, clientId, owner, team, "synthetic", now));
        var rows = OwnershipLedger.Open([], dossierId, clientId, owner, team, now);
        var moves = new List<DossierMove>();
        var count = Pick(random, [0.6, 0.25, 0.1, 0.05]) + 1;
        for (var i = 0; i < count; i++)
        {
            now = now.AddDays(i == 0 ? 0 : random.Next(2, 100));
            var current = OwnershipLedger.Owner(rows, dossierId)!;
            var to = Next(current.Division, random);
            var input = new RequestInput(NewId(random), clientId, current.DossierId, current.Division, to, "synthetic", null, "sender",
                current, false, random.NextDouble() < 0.1);
            var state = Run(HandoverDecider.Request(input, _options, now), events, ref rows, moves).State;
            now = Handover(state, random, now, events, ref rows, moves);
            if (to == DivisionCode.Smz && current.Division == DivisionCode.Werkbedrijf && random.NextDouble() < 0.5)
            {
                Verzoek(random, clientId, team, now, events);
            }
        }
        return events;
    }

    private DateTimeOffset Handover(HandoverState state, Random random, DateTimeOffset now, List<IClientEvent> events, ref IReadOnlyList<OwnershipRow> rows, List<DossierMove> moves)
    {
        now = NazorgFor(ref state, random, now, events, ref rows, moves);
        if (random.NextDouble() < 0.02)
        {
            Run(Decide(state, new CancelHandover("sender", "synthetic"), now = Later(now, random, 1, 4)), events, ref rows, moves);
            return now;
        }
        for (var round = 0; round < 3; round++)
        {
            if (state.WarmHandoverRequired && !state.WarmHandoverConfirmed)
            {
                state = Run(Decide(state, new ArrangeWarmHandover("sender", "receiver"), now = Later(now, random, 1, 3)), events, ref rows, moves).State;
                state = Run(Decide(state, new ConfirmWarmHandover("receiver"), now = Later(now, random, 1, 8)), events, ref rows, moves).State;
            }
            state = Run(Decide(state, new TransferHandover("sender", [], [.. moves]), now = Later(now, random, 1, 6)), events, ref rows, moves).State;
            var outcome = random.NextDouble();
            if (outcome < 0.07)
            {
                now = state.NextEscalationAt!.Value.AddMinutes(random.Next(1, 240));
                state = Run(Decide(state, new EscalateHandover(), now), events, ref rows, moves).State;
            }
            if (outcome < 0.93 || round == 2)
            {
                Run(Decide(state, new AcceptHandover("receiver"), now = Later(now, random, 1, 14)), events, ref rows, moves);
                return now;
            }
            state = Run(Decide(state, new ReturnHandover("receiver", ReturnReasons[random.Next(ReturnReasons.Length)], "synthetic", [.. moves]),
                now = Later(now, random, 1, 10)), events, ref rows, moves).State;
            if (random.NextDouble() < 0.3)
            {
                Run(Decide(state, new CancelHandover("sender", "synthetic"), now = Later(now, random, 1, 10)), events, ref rows, moves);
                return now;
            }
        }
        return now;
    }

    private static readonly string[] ReturnReasons = ["incomplete-dossier", "wrong-division", "client-not-ready", "nazorg-insufficient", "other"];

    private DateTimeOffset NazorgFor(ref HandoverState state, Random random, DateTimeOffset now, List<IClientEvent> events, ref IReadOnlyList<OwnershipRow> rows, List<DossierMove> moves)
    {
        if (!_options.RulesFor(state.Kind).RequireNazorg)
        {
            return now;
        }
        var path = Pick(random, [0.55, 0.2, 0.1, 0.1, 0.05]);
        if (path == 4)
        {
            state = Run(Decide(state, new OverrideNazorg("teamleider", "synthetic"), now = Later(now, random, 1, 4)), events, ref rows, moves).State;
            return now;
        }
        var unanswered = path == 3 ? 3 : path;
        for (var a = 0; a < unanswered; a++)
        {
            // Calls on the next working day, the second a little later, the third on the working day after.
            now = a switch
            {
                0 => Office(office.WorkingDays.NextWorkingDay(office.DateOf(now)), random),
                1 => Later(now, random, 1, 2),
                _ => Office(office.WorkingDays.NextWorkingDay(office.DateOf(now)), random),
            };
            state = Run(Decide(state, new RecordNazorgAttempt("sender", false, false, false, null, now), now), events, ref rows, moves).State;
        }
        now = Later(now, random, 1, 3);
        var command = path == 3 ? (HandoverCommand)new RecordWrittenMessage("sender", "letter") : new RecordNazorgAttempt("sender", true, true, true, null, now);
        state = Run(Decide(state, command, now), events, ref rows, moves).State;
        return now;
    }

    private static void Verzoek(Random random, Guid clientId, string team, DateTimeOffset now, List<IClientEvent> events)
    {
        var id = NewId(random);
        events.Add(new HerbeoordelingsverzoekOpened(id, clientId, Guid.Empty, team, "synthetic", now));
        events.Add(new HerbeoordelingsverzoekAnswered(id, clientId, team, random.NextDouble() < 0.7, "synthetic", Later(now, random, 4, 60)));
    }

    private Decision Decide(HandoverState state, HandoverCommand command, DateTimeOffset now) => HandoverDecider.Decide(state, command, _options, now);

    private static (HandoverState State, int Events) Run(Decision decision, List<IClientEvent> events, ref IReadOnlyList<OwnershipRow> rows, List<DossierMove> moves)
    {
        if (decision.Refusal is { } refusal)
        {
            throw new InvalidOperationException($"the synthetic history broke rule {refusal.Rule}: {refusal.Explanation}");
        }
        foreach (var e in decision.Events)
        {
            if (e is DossierTransferred move)
            {
                rows = OwnershipLedger.Move(rows, move);
                moves.Add(new DossierMove(move.FromDivision, move.ToDivision, move.OccurredAt));
            }
            events.Add(e);
        }
        return (decision.State!, decision.Events.Count);
    }

    private static DivisionCode Start(Random random) =>
        (DivisionCode)(Pick(random, [0.45, 0.15, 0.3, 0.1]) + 1);

    /// <summary>Where a dossier goes next: SMZ mostly to Werkbedrijf or Uitkeren; Werkbedrijf back to SMZ for a herbeoordeling; and so on.</summary>
    private static DivisionCode Next(DivisionCode from, Random random) => from switch
    {
        DivisionCode.Smz => Pick(random, [0.45, 0.4, 0.15]) switch { 0 => DivisionCode.Werkbedrijf, 1 => DivisionCode.Uitkeren, _ => DivisionCode.BezwaarBeroep },
        DivisionCode.Werkbedrijf => Pick(random, [0.6, 0.4]) == 0 ? DivisionCode.Smz : DivisionCode.Uitkeren,
        DivisionCode.Uitkeren => Pick(random, [0.4, 0.35, 0.25]) switch { 0 => DivisionCode.BezwaarBeroep, 1 => DivisionCode.Werkbedrijf, _ => DivisionCode.Smz },
        _ => Pick(random, [0.5, 0.5]) == 0 ? DivisionCode.Uitkeren : DivisionCode.Smz,
    };

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            if ((x -= weights[i]) < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static DateTimeOffset Later(DateTimeOffset now, Random random, int minHours, int maxHours) =>
        now.AddMinutes(random.Next(minHours * 60, (maxHours * 60) + 1));

    /// <summary>SplitMix64 of (seed, index): a stable per-lineage seed (HashCode is randomized per process).</summary>
    internal static int Mix(int seed, long index)
    {
        var z = unchecked(((ulong)seed << 32) ^ (ulong)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private DateTimeOffset Office(DateOnly day, Random random)
    {
        var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 9 * 60));
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}
