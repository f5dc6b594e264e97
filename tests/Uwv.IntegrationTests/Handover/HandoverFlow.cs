using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Handover.Data;
using Uwv.Testing;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Handover;

/// <summary>Steps of a handover through the gateway that several tests share.</summary>
internal sealed class HandoverFlow(EmbeddedPlatformFixture platform)
{
    public const string Arts = "verzekeringsarts.arnhem-noord";
    public const string Procesbegeleider = "procesbegeleider.arnhem-noord";
    public const string AdviseurWerk = "adviseur-werk.arnhem-noord";
    public const string Teamleider = "teamleider.arnhem-noord";

    public PlatformClient Client => platform.Client;

    /// <summary>A registered client with a finished beoordeling, whose SMZ dossier the handover service knows.</summary>
    public async Task<(string ClientId, string DossierId)> ClientWithSmzDossier()
    {
        var registered = await Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Sem Jansen", DateOfBirth = "1979-05-05", Postcode = TestData.NoordPostcode,
        }, Client.As(Arts));
        await Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = registered.ClientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580,
            FmlSummary = "Kan 4 uur per dag werken", DecisionDate = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, Client.As(Arts));
        var clientId = Guid.Parse(registered.ClientId);
        var dossier = await Eventually.Until(
            () => platform.InScope<HandoverDbContext, DossierOwnership?>(db => db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == clientId)),
            d => d is not null, what: "the handover service to learn the SMZ dossier");
        return (registered.ClientId, dossier!.DossierId.ToString());
    }

    public async Task<Contracts.Handover.V1.Handover> Request(string clientId, string dossierId, Division to = Division.Werkbedrijf) =>
        (await Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId, DossierId = dossierId, FromDivision = Division.Smz, ToDivision = to,
            Reason = "Beoordeling afgerond: re-integratie", OpenQuestions = "Welke sector?",
        }, Client.As(Procesbegeleider))).Handover;

    public async Task<Contracts.Handover.V1.Handover> ReachedNazorg(string handoverId) =>
        (await Client.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handoverId, Outcome = NazorgOutcome.Reached,
            UnderstandsOutcome = true, KnowsNextSteps = true, ExtraNeeds = "Wil hulp bij cv",
        }, Client.As(Procesbegeleider))).Handover;

    public async Task<Contracts.Handover.V1.Handover> Transfer(string handoverId) =>
        (await Client.Handover.TransferHandoverAsync(new TransferHandoverRequest { RequestId = Guid.NewGuid().ToString(), HandoverId = handoverId },
            Client.As(Procesbegeleider))).Handover;

    /// <summary>
    /// This client's rows in every handover table and the outbox: "nothing written" compares these before and after.
    /// Scoped to the client so that other work on the shared platform (other tests, the demo seeder) does not interfere.
    /// </summary>
    public Task<(int Handovers, int Commands, int Deadlines, int Moves, int Signalen, int History, int Outbox, string States)> Writes(string clientId)
    {
        var id = Guid.Parse(clientId);
        return platform.InScope<HandoverDbContext, (int, int, int, int, int, int, int, string)>(async db =>
        {
            var handovers = await db.Handovers.AsNoTracking().Where(h => h.ClientId == id).ToListAsync();
            var ids = handovers.Select(h => h.HandoverId).ToList();
            return (
                handovers.Count,
                await db.Commands.CountAsync(c => ids.Contains(c.HandoverId)),
                await db.Deadlines.CountAsync(d => ids.Contains(d.HandoverId)),
                await db.DossierMoves.CountAsync(m => ids.Contains(m.HandoverId)),
                await db.Signalen.CountAsync(s => s.ClientId == id),
                await db.History.CountAsync(h => ids.Contains(h.HandoverId)),
                await db.OutboxMessages.CountAsync(m => m.Payload.Contains(clientId)),
                string.Join(",", handovers.OrderBy(h => h.HandoverId).Select(h => h.State + h.Version)));
        });
    }

    public static async Task<RpcException> Fails(Func<Task> call) => await Should.ThrowAsync<RpcException>(call);
}
