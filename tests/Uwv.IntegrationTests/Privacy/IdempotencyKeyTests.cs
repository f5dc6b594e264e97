using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Handover.Data;
using Uwv.Testing;
using Casework = Uwv.Contracts.Casework.V1;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Privacy;

/// <summary>
/// An idempotency key (request_id) belongs to the employee who sent it, for that method: anyone else's request with the
/// same id is a new request, never an answer with the first caller's record; the sender's own repeat is authorized again.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class IdempotencyKeyTests(EmbeddedPlatformFixture platform)
{
    private const string NoordProcesbegeleider = "procesbegeleider.arnhem-noord";
    private const string ZuidProcesbegeleider = "procesbegeleider.arnhem-zuid";
    private const string NoordArts = "verzekeringsarts.arnhem-noord";
    private const string ZuidArts = "verzekeringsarts.arnhem-zuid";

    private PlatformClient C => platform.Client;

    [Fact]
    public async Task RequestHandover_RequestIdReplayedByAnotherTeam_NeverReturnsTheFirstTeamsHandover()
    {
        var requestId = Guid.NewGuid().ToString();
        var (noordClient, noordDossier) = await ClientWithSmzDossier(NoordArts, TestData.NoordPostcode);
        var noord = (await C.Handover.RequestHandoverAsync(Request(requestId, noordClient, noordDossier), C.As(NoordProcesbegeleider))).Handover;

        // The exact replay of the issue: another team's employee posts the noord request id (and body).
        var replay = await Should.ThrowAsync<RpcException>(() =>
            C.Handover.RequestHandoverAsync(Request(requestId, noordClient, noordDossier), C.As(ZuidProcesbegeleider)).ResponseAsync);
        replay.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        replay.Status.Detail.ShouldNotContain(noord.HandoverId);

        // The same id for their own client is simply their own new request.
        var (zuidClient, zuidDossier) = await ClientWithSmzDossier(ZuidArts, TestData.ZuidPostcode);
        var zuid = (await C.Handover.RequestHandoverAsync(Request(requestId, zuidClient, zuidDossier), C.As(ZuidProcesbegeleider))).Handover;
        zuid.HandoverId.ShouldNotBe(noord.HandoverId);
        zuid.ClientId.ShouldBe(zuidClient);

        // The first caller's repeat still answers their own handover.
        (await C.Handover.RequestHandoverAsync(Request(requestId, noordClient, noordDossier), C.As(NoordProcesbegeleider))).Handover.HandoverId
            .ShouldBe(noord.HandoverId);
    }

    [Fact]
    public async Task HandoverCommand_RequestIdReplayedByAnotherTeam_IsRefused_NotAnsweredWithTheHandover()
    {
        var (clientId, dossierId) = await ClientWithSmzDossier(NoordArts, TestData.NoordPostcode);
        var handover = (await C.Handover.RequestHandoverAsync(Request(Guid.NewGuid().ToString(), clientId, dossierId), C.As(NoordProcesbegeleider))).Handover;
        var nazorg = new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, Outcome = NazorgOutcome.Reached,
            UnderstandsOutcome = true, KnowsNextSteps = true,
        };
        await C.Handover.RecordNazorgAttemptAsync(nazorg, C.As(NoordProcesbegeleider));

        var replay = await Should.ThrowAsync<RpcException>(() => C.Handover.RecordNazorgAttemptAsync(nazorg, C.As(ZuidProcesbegeleider)).ResponseAsync);
        replay.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task RegisterClient_RequestIdReplayedByAnotherEmployee_IsANewRegistration()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await C.Klantbeeld.RegisterClientAsync(Registration(requestId, TestData.NoordPostcode), C.As(NoordArts));
        var other = await C.Klantbeeld.RegisterClientAsync(Registration(requestId, TestData.ZuidPostcode), C.As(ZuidArts));
        other.ClientId.ShouldNotBe(first.ClientId);
        other.AreaTeam.ShouldBe("arnhem-zuid");
        // The same employee's repeat answers the first registration and registers nothing new.
        (await C.Klantbeeld.RegisterClientAsync(Registration(requestId, TestData.NoordPostcode), C.As(NoordArts))).ClientId.ShouldBe(first.ClientId);
    }

    [Fact]
    public async Task DivisionCommands_RequestIdReplayedByAnotherEmployee_AreNewRequests_WithTheirOwnRecords()
    {
        var requestId = Guid.NewGuid().ToString();
        var clientId = await C.NewClientAsync(NoordArts);
        var contact = new LogContactRequest
        {
            RequestId = requestId, ClientId = clientId, Channel = Casework.ContactChannel.Phone, Subject = "Uitslag besproken", Reached = true,
        };
        var byArts = (await C.Smz.LogContactAsync(contact, C.As(NoordArts))).Contact;
        var byProcesbegeleider = (await C.Smz.LogContactAsync(contact, C.As(NoordProcesbegeleider))).Contact;
        byProcesbegeleider.ContactId.ShouldNotBe(byArts.ContactId);
        byProcesbegeleider.LoggedBy.ShouldBe(NoordProcesbegeleider);
        (await C.Smz.LogContactAsync(contact, C.As(NoordArts))).Contact.ContactId.ShouldBe(byArts.ContactId);

        var signaal = new RecordSignaalRequest
        {
            RequestId = requestId, ClientId = clientId, Factor = KwetsbaarheidFactor.Gezondheid, Note = "Lange herstelperiode", ClientConsent = true,
        };
        await ClientWithSmzDossierFor(clientId);
        var first = (await C.Handover.RecordSignaalAsync(signaal, C.As(NoordArts))).SignaalId;
        var second = (await C.Handover.RecordSignaalAsync(signaal, C.As(NoordProcesbegeleider))).SignaalId;
        second.ShouldNotBe(first);
        var zuid = await Should.ThrowAsync<RpcException>(() => C.Handover.RecordSignaalAsync(signaal, C.As(ZuidProcesbegeleider)).ResponseAsync);
        zuid.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task RequestId_ReplayedByTheSameCaller_AfterTheyLostAccess_IsPermissionDenied()
    {
        var requestId = Guid.NewGuid().ToString();
        var registered = await C.Klantbeeld.RegisterClientAsync(Registration(requestId, TestData.NoordPostcode), C.As(NoordArts));
        var contact = new LogContactRequest
        {
            RequestId = requestId, ClientId = registered.ClientId, Channel = Casework.ContactChannel.Phone, Subject = "Intake", Reached = true,
        };
        await C.Smz.LogContactAsync(contact, C.As(NoordArts));
        var (_, dossierId) = await ClientWithSmzDossierFor(registered.ClientId);
        var handoverRequest = Request(requestId, registered.ClientId, dossierId);
        await C.Handover.RequestHandoverAsync(handoverRequest, C.As(NoordProcesbegeleider));

        await C.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = registered.ClientId, NewPostcode = TestData.ZuidPostcode }, C.As(NoordArts));

        (await Should.ThrowAsync<RpcException>(() => C.Klantbeeld.RegisterClientAsync(Registration(requestId, TestData.NoordPostcode), C.As(NoordArts)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        // A division asks the client register again: refused at once.
        (await Should.ThrowAsync<RpcException>(() => C.Smz.LogContactAsync(contact, C.As(NoordArts)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        // The handover service learns the move from the bus: refused once it has.
        await Eventually.Until(() => StatusOf(() => C.Handover.RequestHandoverAsync(handoverRequest, C.As(NoordProcesbegeleider)).ResponseAsync),
            status => status == StatusCode.PermissionDenied, what: "the handover service to refuse the replayed request after the move");
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static RequestHandoverRequest Request(string requestId, string clientId, string dossierId) => new()
    {
        RequestId = requestId, ClientId = clientId, DossierId = dossierId, FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf,
        Reason = "Beoordeling afgerond: re-integratie",
    };

    private static RegisterClientRequest Registration(string requestId, string postcode) => new()
    {
        RequestId = requestId, Bsn = TestData.NewBsn(), Name = "Ruud Smit", DateOfBirth = "1970-03-03", Postcode = postcode,
    };

    private async Task<(string ClientId, string DossierId)> ClientWithSmzDossier(string arts, string postcode)
    {
        var clientId = await C.NewClientAsync(arts, "Ruud Smit", postcode);
        await RecordBeoordeling(clientId, arts);
        return await DossierOf(clientId);
    }

    private async Task<(string ClientId, string DossierId)> ClientWithSmzDossierFor(string clientId)
    {
        await RecordBeoordeling(clientId, NoordArts);
        return await DossierOf(clientId);
    }

    private Task RecordBeoordeling(string clientId, string arts) =>
        C.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580, FmlSummary = "Halve dagen",
            DecisionDate = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, C.As(arts)).ResponseAsync;

    private async Task<(string ClientId, string DossierId)> DossierOf(string clientId)
    {
        var id = Guid.Parse(clientId);
        var dossier = await Eventually.Until(
            () => platform.InScope<HandoverDbContext, DossierOwnership?>(db => db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == id)),
            d => d is not null, what: "the handover service to learn the SMZ dossier");
        return (clientId, dossier!.DossierId.ToString());
    }
}
