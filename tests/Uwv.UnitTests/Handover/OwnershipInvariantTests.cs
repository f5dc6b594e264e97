using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>At every moment a dossier has exactly one owner (team + division): no path leaves it with none or two.</summary>
public sealed class OwnershipInvariantTests
{
    private static readonly DivisionCode[] Divisions = [DivisionCode.Smz, DivisionCode.Werkbedrijf, DivisionCode.Uitkeren, DivisionCode.BezwaarBeroep];

    [Fact]
    public void EveryPath_RequestTransferAcceptReturnCancelEscalateAndReplays_LeavesExactlyOneOwner()
    {
        var world = new World(DivisionCode.Smz);
        var h = world.Request(DivisionCode.Werkbedrijf);
        world.Do(ref h, Reached(Monday));
        world.Do(ref h, Transfer());
        world.OwnerDivision.ShouldBe(DivisionCode.Werkbedrijf);
        world.Do(ref h, new EscalateHandover(), Monday.AddDays(5));
        world.Do(ref h, new ReturnHandover(Receiver, "other", "terug", world.History));
        world.OwnerDivision.ShouldBe(DivisionCode.Smz);
        world.Do(ref h, Transfer(world.History));
        world.Do(ref h, new AcceptHandover(Receiver));
        world.OwnerDivision.ShouldBe(DivisionCode.Werkbedrijf);

        var back = world.Request(DivisionCode.Smz);
        world.Do(ref back, new CancelHandover(Sender, "toch niet"));
        world.OwnerDivision.ShouldBe(DivisionCode.Werkbedrijf);

        world.ReplayEverything();
        world.OwnerDivision.ShouldBe(DivisionCode.Werkbedrijf);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomCommandSequences_WhateverTheDeciderAllows_NeverLeaveNoneOrTwoOwners(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 40; run++)
        {
            var world = new World(Divisions[random.Next(4)]);
            HandoverState? open = null;
            for (var step = 0; step < 30; step++)
            {
                if (open is null || HandoverStates.IsFinal(open.Status))
                {
                    var to = Divisions.Where(d => d != world.OwnerDivision).ElementAt(random.Next(3));
                    open = world.Request(to);
                    continue;
                }
                HandoverCommand command = random.Next(8) switch
                {
                    0 => Reached(world.Now),
                    1 => Unanswered(world.Now),
                    2 => Transfer(world.History),
                    3 => new AcceptHandover(Receiver),
                    4 => new ReturnHandover(Receiver, "other", "terug", world.History),
                    5 => new CancelHandover(Sender, "ingetrokken"),
                    6 => new EscalateHandover(),
                    _ => new OverrideNazorg("teamleider.arnhem-noord", "spoed"),
                };
                var state = open;
                world.Do(ref state, command, world.Now.AddDays(random.Next(4)), allowRefusal: true);
                open = state;
                if (random.Next(5) == 0)
                {
                    world.ReplayEverything();
                }
            }
        }
    }

    /// <summary>One dossier lineage: the ledger rows, the moves, and the events applied (and replayed) to them.</summary>
    private sealed class World
    {
        private readonly List<DossierTransferred> _moves = [];
        private IReadOnlyList<OwnershipRow> _rows;
        private readonly Guid _lineage = Guid.NewGuid();

        public World(DivisionCode first)
        {
            _rows = OwnershipLedger.Open([], _lineage, Guid.NewGuid(), first, "arnhem-noord", Monday.AddDays(-1));
            Now = Monday;
        }

        public DateTimeOffset Now { get; private set; }
        public DivisionCode OwnerDivision => OwnershipLedger.Owner(_rows, _lineage)!.Division;
        public IReadOnlyList<DossierMove> History => _moves.Select(m => new DossierMove(m.FromDivision, m.ToDivision, m.OccurredAt)).ToList();

        public HandoverState Request(DivisionCode to)
        {
            var owner = OwnershipLedger.Owner(_rows, _lineage)!;
            var input = new RequestInput(Guid.NewGuid(), owner.ClientId, owner.DossierId, owner.Division, to, "reden", null, Sender, owner, false, false);
            var state = Ok(HandoverDecider.Request(input, Options, Now));
            Check();
            return state;
        }

        public void Do(ref HandoverState state, HandoverCommand command, DateTimeOffset? at = null, bool allowRefusal = false)
        {
            Now = at is { } t && t > Now ? t : Now.AddMinutes(1);
            var decision = HandoverDecider.Decide(state, command, Options, Now);
            if (decision.Refusal is not null)
            {
                allowRefusal.ShouldBeTrue(decision.Refusal.Explanation);
                Check();
                return;
            }
            foreach (var move in decision.Events.OfType<DossierTransferred>())
            {
                _moves.Add(move);
                _rows = OwnershipLedger.Move(_rows, move);
                _rows = OwnershipLedger.Move(_rows, move);
            }
            state = decision.State!;
            Check();
            var expected = HandoverStates.AwaitsAcceptance(state.Status) || state.Status == HandoverStates.Accepted ? state.To : state.From;
            if (state.Status != HandoverStates.Cancelled)
            {
                OwnerDivision.ShouldBe(expected, $"{state.Status} after {command.GetType().Name}");
            }
        }

        /// <summary>Every move delivered again, in order: a redelivery changes nothing.</summary>
        public void ReplayEverything()
        {
            var before = _rows;
            foreach (var move in _moves)
            {
                _rows = OwnershipLedger.Move(_rows, move);
            }
            OwnershipLedger.Owner(_rows, _lineage).ShouldBe(OwnershipLedger.Owner(before, _lineage));
            Check();
        }

        private void Check() => OwnershipLedger.EveryLineageHasExactlyOneOwner(_rows).ShouldBeTrue();
    }
}
