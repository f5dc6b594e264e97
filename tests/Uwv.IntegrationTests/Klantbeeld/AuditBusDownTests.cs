using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Data;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;
using Uwv.Smz.Data;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary>
/// The embedded platform with an audit log whose every batch is refused (as by a broker, or in the process that holds
/// the audit store by that store, that is down for the audit path), while the outbox relays still deliver: writes
/// commit their record with the change, reads fail closed.
/// </summary>
public sealed class AuditBusDownPlatformFixture : EmbeddedPlatformFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(_ => new AuditLog((_, _) => Task.FromException(new InvalidOperationException("the broker refused the audit publish"))));
}

public sealed class AuditBusDownTests(AuditBusDownPlatformFixture platform) : IClassFixture<AuditBusDownPlatformFixture>
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    [Fact]
    public async Task Write_WhileAuditPublishesAreRefused_CommitsWithItsAuditRecordInTheOutbox_WhichReachesTheAuditStore()
    {
        var c = platform.Client;
        var clientId = await RegisterAsync();
        var moved = await c.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = clientId, NewPostcode = "6831 AB" }, c.As(Arts));
        moved.NewAreaTeam.ShouldBe("arnhem-zuid");

        var id = Guid.Parse(clientId);
        var outbox = await platform.InScope<KlantbeeldDbContext, List<PersonalDataAccessed>>(db => AuditRecordsAsync(db, id));
        outbox.Select(r => (r.Method, r.Subject, r.Outcome)).ShouldBe([("RegisterClient", Arts, "allowed"), ("MoveClient", Arts, "allowed")], ignoreOrder: true);

        // Read from the store itself: reading the audit log through the API is an audited action, which fails closed too.
        var stored = await Eventually.Until(
            () => platform.InScope<AuditDbContext, List<string>>(db => db.Entries.AsNoTracking().Where(e => e.ClientId == id).Select(e => e.Method).ToListAsync()),
            methods => methods.Contains("MoveClient") && methods.Contains("RegisterClient"),
            what: "the audit records of both writes, relayed from the outbox");
        stored.Count.ShouldBe(2);
    }

    [Fact]
    public async Task DivisionWrite_WhileAuditPublishesAreRefused_IsUnavailable_AndCommitsNeitherChangeNorRecord()
    {
        var c = platform.Client;
        var clientId = await RegisterAsync();

        // A division checks the client with the register's GetClient, a read, which fails closed.
        var ex = await Should.ThrowAsync<RpcException>(() => c.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.Ziektewet, AoKlasse = AoKlasse.Below35,
            FmlSummary = "Volledig belastbaar", DecisionDate = "2026-10-20",
        }, c.As(Arts)).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.Unavailable);
        var id = Guid.Parse(clientId);
        (await platform.InScope<SmzDbContext, List<PersonalDataAccessed>>(db => AuditRecordsAsync(db, id))).ShouldBeEmpty();
        (await platform.InScope<SmzDbContext, int>(db => db.Beoordelingen.CountAsync(b => b.ClientId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task Read_WhileAuditPublishesAreRefused_IsUnavailable_AndReturnsNoData()
    {
        var c = platform.Client;
        var clientId = await RegisterAsync();

        var ex = await Should.ThrowAsync<RpcException>(() =>
            c.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = clientId }, c.As(Arts)).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.Unavailable);
        ex.Status.Detail.ShouldNotContain(TestData.NoordPostcode.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepeatedWrite_ThatSavesNothing_GoesTheFailClosedWay_AndIsUnavailable()
    {
        var c = platform.Client;
        var requestId = "audit-replay-" + Guid.NewGuid().ToString("N");
        var request = new RegisterClientRequest
        {
            RequestId = requestId, Bsn = TestData.NewBsn(), Name = "Herhaalde Cliënt", DateOfBirth = "1985-05-05", Postcode = TestData.NoordPostcode,
        };
        await c.Klantbeeld.RegisterClientAsync(request, c.As(Arts));

        var ex = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.RegisterClientAsync(request, c.As(Arts)).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    [Fact]
    public async Task RefusedWrite_WhoseRefusalCannotBeRecorded_IsUnavailable_AndCommitsNeitherTheChangeNorAnAuditRecord()
    {
        var c = platform.Client;
        var clientId = await RegisterAsync();

        var ex = await Should.ThrowAsync<RpcException>(() => c.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.Ziektewet, AoKlasse = AoKlasse.Below35,
            FmlSummary = "Volledig belastbaar", DecisionDate = "2026-10-20", AoPercentage = 90,
        }, c.As(Arts)).ResponseAsync);

        // The refusal (outcome "invalid") must be recorded like any other outcome, and that record fails closed.
        ex.StatusCode.ShouldBe(StatusCode.Unavailable);
        var id = Guid.Parse(clientId);
        (await platform.InScope<SmzDbContext, List<PersonalDataAccessed>>(db => AuditRecordsAsync(db, id))).ShouldBeEmpty();
        (await platform.InScope<SmzDbContext, int>(db => db.Beoordelingen.CountAsync(b => b.ClientId == id))).ShouldBe(0);
    }

    private async Task<string> RegisterAsync()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Audit Cliënt", DateOfBirth = "1988-08-08", Postcode = TestData.NoordPostcode,
        }, c.As(Arts));
        return registered.ClientId;
    }

    private static async Task<List<PersonalDataAccessed>> AuditRecordsAsync(ServiceDbContext db, Guid clientId)
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == nameof(PersonalDataAccessedBatch)).ToListAsync();
        return [.. rows.SelectMany(r => ((PersonalDataAccessedBatch)EventTypes.Deserialize(r.MessageType, r.Payload)).Records).Where(r => r.ClientId == clientId)];
    }
}
