using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Smz.Data;
using Uwv.Testing;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>The divisions set, move and resolve their norm deadlines with the work, through the gateway.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class NormDeadlineFlowTests(EmbeddedPlatformFixture platform)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private readonly DivisionFlow _flow = new(platform);

    [Fact]
    public async Task Bezwaar_SetsContactAndBeslistermijnDeadlines_VerdagingMovesTheBeslistermijn_WithdrawalVoidsIt()
    {
        var clientId = await _flow.NewClient();
        var api = _flow.Client.BezwaarBeroep();
        var b = (await api.RegisterBezwaarAsync(BezwaarBeroepTests.Valid(clientId), _flow.Client.As(Jurist))).Bezwaar;
        var set = await Events<BezwaarBeroepDbContext, NormDeadlineSet>(clientId);
        var contact = set.Single(e => e.Norm == Norms.BezwaarContact);
        var beslis = set.Single(e => e.Norm == Norms.Beslistermijn);
        (contact.DueAt, beslis.DueAt, beslis.WarnAt).ShouldBe((Close(2026, 2, 12), Close(2026, 4, 7), (DateTimeOffset?)Open(2026, 3, 20)));
        // Against Uitkeren's decision: not a medical bezwaar.
        (contact.SubjectId.ToString(), contact.Category, contact.Division).ShouldBe((b.BezwaarId, "niet-medisch", DivisionCode.BezwaarBeroep));
        beslis.Category.ShouldBe("niet-medisch");

        b = (await api.RecordBezwaarContactAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, ContactedOn = "2026-02-11" }, _flow.Client.As(Jurist))).Bezwaar;
        b = (await api.VerdaagBeslistermijnAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Weeks = 6, AnnouncedOn = "2026-03-02" }, _flow.Client.As(Jurist))).Bezwaar;
        var moved = (await Events<BezwaarBeroepDbContext, NormDeadlineSet>(clientId)).Where(e => e.DeadlineId == beslis.DeadlineId).ToList();
        moved.Select(e => e.DueAt).ShouldBe([Close(2026, 4, 7), Close(2026, 5, 18)], ignoreOrder: true); // 23 February + 84 days
        await api.DecideBezwaarAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, Outcome = BezwaarOutcome.Ingetrokken, DecidedOn = "2026-03-10" }, _flow.Client.As(Jurist));

        var resolved = (await Events<BezwaarBeroepDbContext, NormDeadlineResolved>(clientId)).ToDictionary(e => e.Norm);
        (resolved[Norms.BezwaarContact].Outcome, resolved[Norms.BezwaarContact].Met).ShouldBe((NormOutcomes.Met, true));
        (resolved[Norms.Beslistermijn].Outcome, resolved[Norms.Beslistermijn].DeadlineId).ShouldBe((NormOutcomes.Void, beslis.DeadlineId));
        (await platform.InScope<BezwaarBeroepDbContext, int>(db => db.NormDeadlines.CountAsync(d => d.ClientId == Guid.Parse(clientId) && d.ResolvedAt == null)))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Beslistermijn_IsSuspendedDuringAHerstelVerzuim_AndTheRepairResumesItWithTheLongerTerm()
    {
        var clientId = await _flow.NewClient();
        var api = _flow.Client.BezwaarBeroep();
        var b = (await api.RegisterBezwaarAsync(BezwaarBeroepTests.Valid(clientId), _flow.Client.As(Jurist))).Bezwaar;
        var beslis = (await Events<BezwaarBeroepDbContext, NormDeadlineSet>(clientId)).Single(e => e.Norm == Norms.Beslistermijn);

        b = (await api.StartHerstelVerzuimAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, RequestedOn = "2026-02-16" }, _flow.Client.As(Jurist))).Bezwaar;
        var suspended = await Deadline(beslis.DeadlineId);
        (suspended.SuspendedAt is not null, suspended.DueAt, suspended.ResolvedAt).ShouldBe((true, beslis.DueAt, (DateTimeOffset?)null));

        b = (await api.EndHerstelVerzuimAsync(new() { BezwaarId = b.BezwaarId, ExpectedVersion = b.Version, RepairedOn = "2026-03-02" }, _flow.Client.As(Jurist))).Bezwaar;
        b.OpschortingDays.ShouldBeGreaterThan(0);
        var resumed = await Deadline(beslis.DeadlineId);
        var newEnd = DateOnly.ParseExact(b.BeslistermijnEndsOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (resumed.SuspendedAt, resumed.DueAt).ShouldBe(((DateTimeOffset?)null, Close(newEnd.Year, newEnd.Month, newEnd.Day)));
        resumed.DueAt.ShouldBeGreaterThan(beslis.DueAt);
        (await Events<BezwaarBeroepDbContext, NormDeadlineSet>(clientId)).Where(e => e.DeadlineId == beslis.DeadlineId).Select(e => e.DueAt)
            .ShouldBe([beslis.DueAt, resumed.DueAt], ignoreOrder: true);
    }

    private Task<NormDeadlineRecord> Deadline(Guid id) =>
        platform.InScope<BezwaarBeroepDbContext, NormDeadlineRecord>(db => db.NormDeadlines.AsNoTracking().SingleAsync(d => d.DeadlineId == id));

    [Fact]
    public async Task Herbeoordelingsverzoek_ItsDueDateIsOnSmzsAndOnWerkbedrijfsWorklist()
    {
        var clientId = await _flow.NewClient();
        var opened = (await _flow.Client.Werkbedrijf().OpenHerbeoordelingsverzoekAsync(new() { ClientId = clientId, Reason = "Cliënt lijkt meer te kunnen" },
            _flow.Client.As(AdviseurWerk))).Verzoek;
        var set = await Eventually.Until(() => Events<SmzDbContext, NormDeadlineSet>(clientId), e => e.Count == 1, what: "SMZ setting the deadline");
        (set[0].Norm, set[0].SubjectId.ToString(), set[0].Division).ShouldBe((Norms.Herbeoordelingsverzoek, opened.VerzoekId, DivisionCode.Smz));

        var due = set[0].DueAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var smz = await Eventually.Until(() => Worklist(clientId, Division.Smz, Procesbegeleider), items => items.Count == 1, what: "the item on SMZ's worklist");
        var werkbedrijf = await Worklist(clientId, Division.Werkbedrijf, AdviseurWerk);
        smz.Single().DueAt.ShouldBe(due);
        werkbedrijf.ShouldHaveSingleItem().DueAt.ShouldBe(due);
    }

    [Fact]
    public async Task HerkeuringCall_IsDueInFiveCalendarDays_AndAReachedCallResolvesIt()
    {
        var clientId = await _flow.NewClient();
        var smz = _flow.Client.Smz;
        var a = (await smz.RegisterHerkeuringsaanvraagAsync(new() { ClientId = clientId, ReceivedOn = "2026-11-06" }, _flow.Client.As(Procesbegeleider))).Aanvraag;
        var set = (await Events<SmzDbContext, NormDeadlineSet>(clientId)).ShouldHaveSingleItem();
        (set.Norm, set.SubjectId.ToString(), set.DueAt).ShouldBe((Norms.HerkeuringCall, a.AanvraagId, Close(2026, 11, 11))); // Friday + 5 days: Wednesday

        a = (await smz.RecordHerkeuringCallAsync(new() { AanvraagId = a.AanvraagId, ExpectedVersion = a.Version, CalledOn = "2026-11-10", Reached = false }, _flow.Client.As(Procesbegeleider))).Aanvraag;
        (await Events<SmzDbContext, NormDeadlineResolved>(clientId)).ShouldBeEmpty();
        await smz.RecordHerkeuringCallAsync(new() { AanvraagId = a.AanvraagId, ExpectedVersion = a.Version, CalledOn = "2026-11-11", Reached = true }, _flow.Client.As(Procesbegeleider));
        var resolved = (await Events<SmzDbContext, NormDeadlineResolved>(clientId)).ShouldHaveSingleItem();
        (resolved.DeadlineId, resolved.Outcome, resolved.ResolvedAt).ShouldBe((set.DeadlineId, NormOutcomes.Met, Close(2026, 11, 11)));
    }

    [Fact]
    public async Task Wga80100_TheYearlyContactIsADeadline_AReachedContactResolvesItAndSetsTheNextYears()
    {
        var clientId = await _flow.NewClient();
        var smz = _flow.Client.Smz;
        await smz.RecordBeoordelingAsync(new()
        {
            ClientId = clientId, Type = Contracts.Smz.V1.BeoordelingType.WiaClaimbeoordeling, AoKlasse = Contracts.Smz.V1.AoKlasse._80100Wga,
            FmlSummary = "Zeer beperkt", DecisionDate = "2025-10-01",
        }, _flow.Client.As(Arts));
        var first = (await Events<SmzDbContext, NormDeadlineSet>(clientId)).Where(e => e.Norm == Norms.Wga80100Contact).ShouldHaveSingleItem();
        first.DueAt.ShouldBe(Close(2026, 10, 1));

        await smz.LogContactAsync(new() { ClientId = clientId, Channel = Contracts.Casework.V1.ContactChannel.Phone, Subject = "Jaarlijks contact WGA 80-100", Reached = true },
            _flow.Client.As(Procesbegeleider));
        var resolved = (await Events<SmzDbContext, NormDeadlineResolved>(clientId)).ShouldHaveSingleItem();
        (resolved.DeadlineId, resolved.Outcome).ShouldBe((first.DeadlineId, NormOutcomes.Late)); // contacted after 1 October 2026
        var next = (await Events<SmzDbContext, NormDeadlineSet>(clientId)).Where(e => e.Norm == Norms.Wga80100Contact && e.DeadlineId != first.DeadlineId).ShouldHaveSingleItem();
        next.DueAt.ShouldBeGreaterThan(Close(2027, 10, 1));
    }

    private async Task<List<WorkItem>> Worklist(string clientId, Division division, string user) =>
        (await _flow.Client.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { Division = division, Kind = "herbeoordelingsverzoek", PageSize = 100 }, _flow.Client.As(user)))
            .Items.Where(i => i.ClientId == clientId).ToList();

    private Task<List<T>> Events<TContext, T>(string clientId) where TContext : DivisionDbContext where T : class, IClientEvent =>
        platform.InScope<TContext, List<T>>(async db =>
        {
            var id = Guid.Parse(clientId);
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(T).Name).ToListAsync();
            return rows.Select(r => (T)EventTypes.Deserialize(r.MessageType, r.Payload)).Where(e => e.ClientId == id).ToList();
        });

    private static DateTimeOffset Close(int year, int month, int day) => Local(year, month, day, 17);

    private static DateTimeOffset Open(int year, int month, int day) => Local(year, month, day, 8);

    private static DateTimeOffset Local(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }
}
