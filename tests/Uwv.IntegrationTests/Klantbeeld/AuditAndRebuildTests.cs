using System.Globalization;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Calendar;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class AuditAndRebuildTests(EmbeddedPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    [Fact]
    public async Task EveryLookAtAPicture_IsAudited_WithWhoWhyAndOutcome_AndOnlyThePrivacyOfficerReadsTheLog()
    {
        var c = platform.Client;
        var clientId = await NewClientWithBeoordeling("Ids Hoekstra");
        await c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "klantcontact", PurposeNote = "telefoongesprek met cliënt" }, c.As(Arts));
        await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "nieuwsgierig" }, c.As("jurist.arnhem-zuid")).ResponseAsync);

        var log = await Eventually.Until(
            () => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = clientId }, c.As("privacy-officer")).ResponseAsync,
            // The reads' records are stored before they answer (decision 0034); the writes' (the registration and the
            // beoordeling) travel from their services' outboxes, so the log is complete once both have arrived.
            r => r.Entries.Any(e => e.Outcome == "denied") && r.Entries.Any(e => e.Method == "GetKlantbeeld" && e.Outcome == "allowed")
                && r.Entries.Any(e => e.Method == "RegisterClient") && r.Entries.Any(e => e.Method == "RecordBeoordeling"),
            what: "the audit entries");

        var allowed = log.Entries.First(e => e.Method == "GetKlantbeeld" && e.Outcome == "allowed");
        (allowed.Subject, allowed.Role, allowed.Team, allowed.Purpose).ShouldBe((Arts, "verzekeringsarts", "arnhem-noord", "klantcontact: telefoongesprek met cliënt"));
        allowed.Fields.ShouldContain("person");
        var denied = log.Entries.Single(e => e.Outcome == "denied");
        (denied.Subject, denied.Team, denied.Purpose).ShouldBe(("jurist.arnhem-zuid", "arnhem-zuid", "dossierbehandeling: nieuwsgierig"));
        log.Entries.ShouldContain(e => e.Method == "RegisterClient" && e.Service == "uwv.klantbeeld.v1.KlantbeeldService");
        log.ToString().ShouldNotContain("MEDISCH");

        var amsterdamToday = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile().DateOf(DateTimeOffset.UtcNow);
        var today = Iso(amsterdamToday);
        var dated = await c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = clientId, FromDate = today, ToDate = today }, c.As("privacy-officer"));
        dated.Entries.Count.ShouldBe(log.Entries.Count);
        var yesterday = Iso(amsterdamToday.AddDays(-1));
        (await c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = clientId, ToDate = yesterday }, c.As("privacy-officer"))).Entries.ShouldBeEmpty();

        foreach (var user in new[] { Arts, "manager", "teamleider.arnhem-noord" })
        {
            var ex = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest(), c.As(user)).ResponseAsync);
            ex.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        }
    }

    [Fact]
    public async Task ReadOfTheStoringProcess_IsInTheAuditStore_WhenItsAnswerArrives()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Direct Vastgelegd", DateOfBirth = "1981-01-01", Postcode = TestData.NoordPostcode,
        }, c.As(Arts));
        var id = Guid.Parse(registered.ClientId);

        await c.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = registered.ClientId }, c.As(Arts));

        // No waiting: the process holding the audit store commits its own records there before answering (decision 0034).
        var stored = await platform.InScope<AuditDbContext, int>(db =>
            db.Entries.CountAsync(e => e.ClientId == id && e.Method == "GetClient" && e.Outcome == "allowed"));
        stored.ShouldBe(1);
    }

    [Fact]
    public async Task Audit_FromAndToDate_AreAmsterdamDays_EachWithItsOwnOffset()
    {
        var clientId = Guid.NewGuid();
        var lateEvening = DateTimeOffset.Parse("2026-11-29T22:59:59Z", CultureInfo.InvariantCulture); // 23:59:59 CET, 29 November
        var afterMidnight = DateTimeOffset.Parse("2026-11-29T23:30:00Z", CultureInfo.InvariantCulture); // 00:30 CET, 30 November
        var summerNight = DateTimeOffset.Parse("2026-07-14T22:30:00Z", CultureInfo.InvariantCulture); // 00:30 CEST, 15 July
        await platform.Service<IBus>().Publish(new PersonalDataAccessedBatch([.. new[] { lateEvening, afterMidnight, summerNight }.Select(at =>
            new PersonalDataAccessed(Guid.NewGuid(), at, "jurist.arnhem-noord", "jurist", "arnhem-noord", clientId,
                "uwv.klantbeeld.v1.KlantbeeldService", "GetKlantbeeld", "basis", "test", "allowed"))]));
        var c = platform.Client;
        await Eventually.Until(() => Entries(null, null), e => e.Count == 3, what: "the three audit records");

        (await Entries("2026-11-30", "2026-11-30")).ShouldBe([afterMidnight]);
        (await Entries("2026-11-29", "2026-11-29")).ShouldBe([lateEvening]);
        (await Entries("2026-07-15", "2026-07-15")).ShouldBe([summerNight]);
        (await Entries("2026-07-14", "2026-07-14")).ShouldBeEmpty();
        (await Entries("2026-07-15", "2026-11-29")).ShouldBe([lateEvening, summerNight], ignoreOrder: true);

        async Task<List<DateTimeOffset>> Entries(string? from, string? to)
        {
            var page = await c.Klantbeeld.ListAuditEntriesAsync(
                new ListAuditEntriesRequest { ClientId = clientId.ToString(), FromDate = from ?? "", ToDate = to ?? "" }, c.As("privacy-officer"));
            return page.Entries.Select(e => DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture)).ToList();
        }
    }

    [Fact]
    public async Task AuditQuery_ToDateBeforeFromDate_IsInvalidArgumentNamingToDate()
    {
        var c = platform.Client;

        var ex = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.ListAuditEntriesAsync(
            new ListAuditEntriesRequest { FromDate = "2026-11-30", ToDate = "2026-11-29" }, c.As("privacy-officer")).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("to_date");
    }

    [Fact]
    public async Task AuditBatch_DeliveredTwice_OrRecordInTwoBatches_IsStoredOncePerRecord()
    {
        var clientId = Guid.NewGuid();
        var records = Enumerable.Range(0, 3).Select(i => new PersonalDataAccessed(Guid.NewGuid(), DateTimeOffset.UtcNow, $"jurist.{i}",
            "jurist", "arnhem-noord", clientId, "uwv.klantbeeld.v1.KlantbeeldService", "GetKlantbeeld", "basis", "test", "allowed")).ToList();
        var bus = platform.Service<IBus>();

        await bus.Publish(new PersonalDataAccessedBatch(records[..2]));
        await bus.Publish(new PersonalDataAccessedBatch(records[..2]));
        await bus.Publish(new PersonalDataAccessedBatch([records[1], records[2], records[2]]));

        var c = platform.Client;
        var log = await Eventually.Until(
            () => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = clientId.ToString() }, c.As("privacy-officer")).ResponseAsync,
            r => r.Entries.Count >= 3,
            what: "the three audit records");
        await Task.Delay(300);
        log = await c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = clientId.ToString() }, c.As("privacy-officer"));
        log.Entries.Select(e => e.Subject).ShouldBe(["jurist.0", "jurist.1", "jurist.2"], ignoreOrder: true);
    }

    [Fact]
    public async Task Rebuild_RecreatesEveryPictureFromTheServicesStoredEvents_EqualToLive()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Guid.Parse(await NewClientWithBeoordeling($"Rebuild Cliënt {i}")));
        }
        var store = platform.Service<IKlantbeeldStore>();
        var live = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            live[id] = System.Text.Json.JsonSerializer.Serialize(await store.GetAsync(id, CancellationToken.None));
        }
        var liveWorklist = await store.ListWorklistAsync("arnhem-noord", new WorklistFilter(null, null), 0, 10_000, CancellationToken.None);

        var c = platform.Client;
        (await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.RebuildKlantbeeldAsync(new RebuildKlantbeeldRequest { Reason = "test" }, c.As(Arts)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        await c.Klantbeeld.RebuildKlantbeeldAsync(new RebuildKlantbeeldRequest { Reason = "herstel na storing" }, c.As("beheerder"));

        foreach (var id in ids)
        {
            var rebuilt = await Eventually.Until(
                async () => System.Text.Json.JsonSerializer.Serialize(await store.GetAsync(id, CancellationToken.None)),
                json => json == live[id], what: $"the rebuilt picture of {id}");
            rebuilt.ShouldBe(live[id]);
        }
        var expectedKeys = liveWorklist.Items.Where(i => ids.Contains(i.ClientId)).Select(i => i.Key).ToList();
        expectedKeys.ShouldNotBeEmpty();
        await Eventually.Until(
            () => store.ListWorklistAsync("arnhem-noord", new WorklistFilter(null, null), 0, 10_000, CancellationToken.None),
            w => expectedKeys.All(k => w.Items.Any(i => i.Key == k)), what: "the rebuilt worklist");
    }

    [Fact]
    public async Task Worklist_ShowsTheTeamsOpenWork_FilteredByDivisionAndEmployee_AndNotOtherTeams()
    {
        var c = platform.Client;
        var clientId = await NewClientWithBeoordeling("Joost Werklijst");
        var page = await Eventually.Until(
            () => c.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { Division = Uwv.Contracts.Common.V1.Division.Smz, Employee = Arts, PageSize = 100 }, c.As("procesbegeleider.arnhem-noord")).ResponseAsync,
            r => r.Items.Any(i => i.ClientId == clientId), what: "the dossier on the worklist");
        page.Items.ShouldAllBe(i => i.Division == Uwv.Contracts.Common.V1.Division.Smz && i.Employee == Arts);
        page.Items.Single(i => i.ClientId == clientId).ClientName.ShouldBe("Joost Werklijst");

        var zuid = await c.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { PageSize = 100 }, c.As("procesbegeleider.arnhem-zuid"));
        zuid.Items.ShouldNotContain(i => i.ClientId == clientId);

        var ex = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { PageSize = 101 }, c.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith("page_size");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> NewClientWithBeoordeling(string name)
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = name, DateOfBirth = "1988-08-08", Postcode = TestData.NoordPostcode,
        }, c.As(Arts));
        await c.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = registered.ClientId, Type = BeoordelingType.Ziektewet, AoKlasse = AoKlasse.Below35,
            FmlSummary = "Volledig belastbaar", DecisionDate = "2026-10-20", MedicalNotes = "MEDISCH",
        }, c.As(Arts));
        await Eventually.Until(() => c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "dossierbehandeling" }, c.As(Arts)).ResponseAsync,
            r => r.Klantbeeld.Beoordelingen.Count == 1, what: "the picture");
        return registered.ClientId;
    }
}
