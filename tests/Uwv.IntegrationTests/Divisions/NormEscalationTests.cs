using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Testing;
using Uwv.Uitkeren.Data;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>
/// A norm deadline that passes escalates once to the teamleider of the client's area team: an item of kind "escalatie"
/// on that team's worklist, gone when the work is done; after a move it is the new team's. The deadline passing is
/// made to happen by moving the stored deadline into the past (the platform runs on the real clock).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class NormEscalationTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);

    [Fact]
    public async Task PassedTerugbelverzoek_EscalatesOnceToTheTeamleidersWorklist_AndClosingItUnreachedClearsIt_AsNotMet()
    {
        var clientId = await _flow.NewClient();
        var uit = _flow.Client.Uitkeren();
        var t = (await uit.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Vraag over de WW-uitkering", WwQuestion = true },
            _flow.Client.As(Uitkeringsdeskundige))).Terugbelverzoek;
        var set = (await Events<NormDeadlineSet>(clientId)).ShouldHaveSingleItem();
        (set.Norm, set.Category, set.SubjectId.ToString(), set.Division).ShouldBe((Norms.Terugbelverzoek, "ww", t.TerugbelverzoekId, DivisionCode.Uitkeren));
        set.DueAt.ShouldBe(DateTimeOffset.Parse(t.DueAt, System.Globalization.CultureInfo.InvariantCulture));

        await PassDeadline(set.DeadlineId);
        var escalation = await Eventually.Until(() => Escalations(clientId, Teamleider), items => items.Count == 1, what: "the escalation on the teamleider's worklist");
        var item = escalation.ShouldHaveSingleItem();
        (item.Kind, item.Division).ShouldBe(("escalatie", Contracts.Common.V1.Division.Uitkeren));
        item.Title.ShouldContain("terugbelverzoek");
        (await Escalations(clientId, "teamleider.arnhem-zuid")).ShouldBeEmpty();

        // Later sweeps find it fired.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var escalated = (await Events<NormDeadlineEscalated>(clientId)).ShouldHaveSingleItem();
        (escalated.DeadlineId, escalated.Level, escalated.AreaTeam).ShouldBe((set.DeadlineId, "teamleider", "arnhem-noord"));

        await uit.CompleteTerugbelverzoekAsync(new() { TerugbelverzoekId = t.TerugbelverzoekId, ExpectedVersion = t.Version, Reached = false },
            _flow.Client.As(Uitkeringsdeskundige));
        await Eventually.Until(() => Escalations(clientId, Teamleider), items => items.Count == 0, what: "the escalation cleared");
        var resolved = (await Events<NormDeadlineResolved>(clientId)).ShouldHaveSingleItem();
        (resolved.Outcome, resolved.Met, resolved.WasEscalated).ShouldBe((NormOutcomes.NotReached, false, true));
    }

    [Fact]
    public async Task Escalation_FollowsTheClientToTheNewTeam()
    {
        var clientId = await _flow.NewClient();
        await _flow.Client.Uitkeren().CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Vraag over de toeslag" }, _flow.Client.As(Uitkeringsdeskundige));
        var set = (await Events<NormDeadlineSet>(clientId)).ShouldHaveSingleItem();
        await PassDeadline(set.DeadlineId);
        await Eventually.Until(() => Escalations(clientId, Teamleider), items => items.Count == 1, what: "the escalation in the old team");

        await _flow.Client.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = clientId, NewPostcode = TestData.ZuidPostcode }, _flow.Client.As(Arts));
        await Eventually.Until(() => Escalations(clientId, "teamleider.arnhem-zuid"), items => items.Count == 1, what: "the escalation in the new team");
        (await Escalations(clientId, Teamleider)).ShouldBeEmpty();
        var id = Guid.Parse(clientId);
        await Eventually.Until(() => platform.InScope<UitkerenDbContext, string>(db => db.NormDeadlines.Where(d => d.ClientId == id).Select(d => d.AreaTeam).SingleAsync()),
            team => team == "arnhem-zuid", what: "the deadline re-stamped with the new team");
    }

    private Task PassDeadline(Guid deadlineId) =>
        platform.InScope<UitkerenDbContext, int>(async db =>
        {
            var deadline = await db.NormDeadlines.SingleAsync(d => d.DeadlineId == deadlineId);
            deadline.WarnAt = DateTimeOffset.UtcNow.AddHours(-2);
            deadline.DueAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            deadline.Version++;
            return await db.SaveChangesAsync();
        });

    private async Task<List<WorkItem>> Escalations(string clientId, string teamleider) =>
        (await _flow.Client.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { Kind = "escalatie", PageSize = 100 }, _flow.Client.As(teamleider)))
            .Items.Where(i => i.ClientId == clientId).ToList();

    private Task<List<T>> Events<T>(string clientId) where T : class, IClientEvent =>
        platform.InScope<UitkerenDbContext, List<T>>(async db =>
        {
            var id = Guid.Parse(clientId);
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(T).Name).ToListAsync();
            return rows.Select(r => (T)EventTypes.Deserialize(r.MessageType, r.Payload)).Where(e => e.ClientId == id).ToList();
        });
}
