using System.Globalization;
using Grpc.Core;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using GetDossierRequest = Uwv.Contracts.Werkbedrijf.V1.GetDossierRequest;
using Uwv.Testing;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.EndToEndTests.Handover;

/// <summary>
/// The mission end to end, on RabbitMQ, Redis and PostgreSQL with every service its own process, through the gateway:
/// SMZ finishes a beoordeling, may not hand over without nazorg, does the nazorg call, transfers; Werkbedrijf accepts;
/// the dossier comes back to SMZ and goes to Werkbedrijf again (two ping-pongs) and is flagged for a casusoverleg;
/// the klantbeeld and the KPIs show it.
/// </summary>
[Collection(RealPlatformCollection.Name)]
public sealed class HandoverEndToEndTests(RealPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";
    private const string Procesbegeleider = "procesbegeleider.arnhem-noord";
    private const string AdviseurWerk = "adviseur-werk.arnhem-noord";

    private PlatformClient Client => platform.Client;

    [Fact]
    public async Task Beoordeling_NazorgGate_Transfer_Accept_TwoPingPongs_Casusoverleg_VisibleInKlantbeeldAndKpis()
    {
        var registered = await Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Ria Mulder", DateOfBirth = "1966-02-11", Postcode = TestData.NoordPostcode,
        }, Client.As(Arts));
        var clientId = registered.ClientId;
        await Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga,
            FmlSummary = "Beperkt belastbaar, kan 2 uur per dag", DecisionDate = Day(-3), MedicalNotes = "Medische toelichting blijft bij SMZ",
        }, Client.As(Arts));
        var smzDossier = await Eventually.Until(() => Klantbeeld(clientId), k => k.Dossiers.Count == 1, Wait, "the SMZ dossier").ContinueWith(t => t.Result.Dossiers[0].DossierId);

        var first = await RequestWhenKnown(clientId, smzDossier, Division.Smz, Division.Werkbedrijf, Procesbegeleider);
        var refused = await Should.ThrowAsync<RpcException>(() => Transfer(first.HandoverId, Procesbegeleider));
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldStartWith("nazorg-done:");

        await Client.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = first.HandoverId, Outcome = NazorgOutcome.Reached,
            UnderstandsOutcome = true, KnowsNextSteps = true, ExtraNeeds = "Zoekt werk dicht bij huis",
        }, Client.As(Procesbegeleider));
        var transferred = await Transfer(first.HandoverId, Procesbegeleider);
        transferred.State.ShouldBe("transferred");
        var wbDossier = await Eventually.Until(
            () => Client.WerkbedrijfDossiers().GetDossierAsync(new GetDossierRequest { DossierId = transferred.ReceivingDossierId }, Client.As(AdviseurWerk)).ResponseAsync,
            d => d.Dossier.Status == "open", Wait, "Werkbedrijf's dossier from the transfer");
        (await Accept(first.HandoverId, AdviseurWerk)).State.ShouldBe("accepted");

        // Werkbedrijf cannot help yet and sends the dossier back to SMZ: the first ping-pong (direct).
        var back = await RequestWhenKnown(clientId, wbDossier.Dossier.DossierId, Division.Werkbedrijf, Division.Smz, AdviseurWerk);
        var backTransferred = await Transfer(back.HandoverId, AdviseurWerk);
        backTransferred.Casusoverleg.ShouldBeFalse();
        await Accept(back.HandoverId, Procesbegeleider);

        // SMZ hands it to Werkbedrijf again within 90 days: the second ping-pong flags a casusoverleg and escalates.
        var again = await RequestWhenKnown(clientId, backTransferred.ReceivingDossierId, Division.Smz, Division.Werkbedrijf, Procesbegeleider);
        await Client.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = again.HandoverId, Outcome = NazorgOutcome.Reached, UnderstandsOutcome = true, KnowsNextSteps = true,
        }, Client.As(Procesbegeleider));
        var escalated = await Transfer(again.HandoverId, Procesbegeleider);
        (escalated.State, escalated.Casusoverleg, escalated.EscalationLevel).ShouldBe(("escalated", true, 1));

        var picture = await Eventually.Until(() => Klantbeeld(clientId),
            k => k.Casusoverleg && k.OpenHandovers.Any(h => h.HandoverId == again.HandoverId && h.State == "escalated"), Wait, "the casusoverleg in the klantbeeld");
        picture.Handovers.Count.ShouldBe(3);
        picture.OpenHandovers.Single().DueAt.ShouldNotBeEmpty();
        picture.Dossiers.Count(d => d.Status == "open").ShouldBe(1);
        picture.ToString().ShouldNotContain("Medische toelichting");

        var kpis = await Eventually.Until(() => Kpis(), k => k.PingPong.CasusoverlegFlags >= 1, Wait, "the ping-pongs in the KPIs");
        Pair(kpis, Division.Smz, Division.Werkbedrijf).ShouldBeGreaterThanOrEqualTo(2);
        Pair(kpis, Division.Werkbedrijf, Division.Smz).ShouldBeGreaterThanOrEqualTo(1);
        kpis.PingPong.Direct.ShouldBeGreaterThanOrEqualTo(2);
        kpis.PingPong.DossiersWithPingPong.ShouldBeGreaterThanOrEqualTo(1);
        kpis.NazorgCompliance.NazorgDoneBeforeTransfer.ShouldBeGreaterThanOrEqualTo(2);
        kpis.Escalations.Fired.ShouldBeGreaterThanOrEqualTo(1);
        kpis.AcceptanceLatency.Accepted.ShouldBeGreaterThanOrEqualTo(2);
        // The manager's measures, read per area team on PostgreSQL: lead time per pair, escalations that reconcile.
        kpis.LeadTime.ShouldContain(l => l.AreaTeam == "arnhem-noord" && l.FromDivision == Division.Smz && l.ToDivision == Division.Werkbedrijf && l.Accepted >= 1);
        kpis.LeadTimeTotal.Single(l => l.FromDivision == Division.Unspecified).Accepted.ShouldBe(kpis.LeadTime.Sum(l => l.Accepted));
        var handoverEscalations = kpis.NormEscalations.Where(e => e.Norm == "overdracht").ToList();
        handoverEscalations.Sum(e => e.Fired).ShouldBe(kpis.Escalations.Fired);
        (kpis.Escalations.Fired - kpis.Escalations.Resolved).ShouldBe(kpis.Escalations.StillOpen);
        kpis.Unaccepted.DossiersWithoutOwner.ShouldBe(0);
        kpis.ToString().ShouldNotContain(clientId);
    }

    /// <summary>
    /// What the klantbeeld shows can be acted on: the handover is requested the moment the SMZ dossier shows, before the
    /// handover service may have received its DossierOpened; it asks SMZ instead of answering NOT_FOUND (ADR 0022).
    /// </summary>
    [Fact]
    public async Task RequestHandover_ImmediatelyAfterTheBeoordeling_IsNeverRefused()
    {
        for (var i = 0; i < 30; i++)
        {
            var registered = await Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
            {
                Bsn = TestData.NewBsn(), Name = "Jan Bakker", DateOfBirth = "1972-07-21", Postcode = TestData.NoordPostcode,
            }, Client.As(Arts));
            await Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
            {
                ClientId = registered.ClientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580,
                FmlSummary = "Kan 4 uur per dag werken", DecisionDate = Day(-1),
            }, Client.As(Arts));
            var smzDossier = await Eventually.Until(() => Klantbeeld(registered.ClientId), k => k.Dossiers.Count == 1, Wait, "the SMZ dossier")
                .ContinueWith(t => t.Result.Dossiers[0].DossierId);

            var handover = (await Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
            {
                RequestId = Guid.NewGuid().ToString(), ClientId = registered.ClientId, DossierId = smzDossier,
                FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Beoordeling afgerond: re-integratie",
            }, Client.As(Procesbegeleider))).Handover;

            (handover.State, handover.DossierId).ShouldBe(("requested", smzDossier));
        }
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Requests the handover once the handover service has learnt who owns the dossier (over the bus).</summary>
    private async Task<Contracts.Handover.V1.Handover> RequestWhenKnown(string clientId, string dossierId, Division from, Division to, string user)
    {
        var request = new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId, DossierId = dossierId, FromDivision = from, ToDivision = to, Reason = "Volgende stap in de klantreis",
        };
        var response = await Eventually.Until(() => Client.Handover.RequestHandoverAsync(request, Client.As(user)).ResponseAsync, _ => true, Wait, "the handover request");
        return response.Handover;
    }

    private async Task<Contracts.Handover.V1.Handover> Transfer(string handoverId, string user) =>
        (await Client.Handover.TransferHandoverAsync(new TransferHandoverRequest { RequestId = Guid.NewGuid().ToString(), HandoverId = handoverId }, Client.As(user))).Handover;

    private async Task<Contracts.Handover.V1.Handover> Accept(string handoverId, string user) =>
        (await Client.Handover.AcceptHandoverAsync(new AcceptHandoverRequest { RequestId = Guid.NewGuid().ToString(), HandoverId = handoverId }, Client.As(user))).Handover;

    private async Task<Contracts.Klantbeeld.V1.Klantbeeld> Klantbeeld(string clientId) =>
        (await Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "e2e handover" }, Client.As(Procesbegeleider))).Klantbeeld;

    private async Task<KpiDashboard> Kpis() =>
        (await Client.HandoverKpis().GetKpiDashboardAsync(new GetKpiDashboardRequest { AreaTeam = "arnhem-noord", FromDate = Day(-1), ToDate = Day(1) }, Client.As("manager"))).Dashboard;

    private static long Pair(KpiDashboard kpis, Division from, Division to) =>
        kpis.Handovers.Where(p => p.FromDivision == from && p.ToDivision == to).Sum(p => p.Count);
}
