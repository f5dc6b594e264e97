using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;
using Uwv.Testing;
using static Uwv.IntegrationTests.Handover.HandoverFlow;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// The WGA safeguard (the 2,300 clients of the herstelactie WIA/WGA): a client with a WGA outcome has an owner for
/// re-integratie before SMZ closes the dossier, and the manager sees the ones without.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ReintegratieOwnerTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);
    private PlatformClient Client => _flow.Client;

    [Fact]
    public async Task ClosingTheSmzDossier_OfAWgaClientWithoutOwner_IsRefused_AndWritesNothing()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var dossier = await SmzDossier(dossierId);
        var outboxBefore = await SmzOutbox(clientId);

        var refused = await Fails(() => Close(dossierId, dossier.Version, Procesbegeleider));

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(ReintegratieOwnership.OwnerRule);
        (await SmzDossier(dossierId)).ShouldBe(dossier);
        (await SmzOutbox(clientId)).ShouldBe(outboxBefore);
        var owner = await Owner(clientId, Procesbegeleider);
        (owner.Wga, owner.Owner, owner.NeedsOwner).ShouldBe((true, "", true));
        await Eventually.Until(() => KpiRow(clientId), r => r is { NeedsOwner: true }, what: "the client counted as without owner");
    }

    [Fact]
    public async Task TeamleiderRecordsWhyNoneIsNeeded_ThenTheDossierCloses_AndTheClientIsNoLongerCounted()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        await Eventually.Until(() => KpiRow(clientId), r => r is { NeedsOwner: true }, what: "the client counted as without owner");

        var notTeamleider = await Fails(() => NotNeeded(clientId, "Gaat met pensioen", Procesbegeleider));
        notTeamleider.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var noReason = await Fails(() => NotNeeded(clientId, "", Teamleider));
        (noReason.StatusCode, noReason.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "reason"));
        var badClient = await Fails(() => NotNeeded("geen-id", "Gaat met pensioen", Teamleider));
        (badClient.StatusCode, badClient.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "client_id"));
        (await Owner(clientId, Procesbegeleider)).Owner.ShouldBe("");

        var recorded = await NotNeeded(clientId, "Gaat over drie maanden met pensioen", Teamleider);

        (recorded.Owner, recorded.Reason, recorded.DecidedBy, recorded.NeedsOwner)
            .ShouldBe((ReintegratieOwnership.NotNeeded, "Gaat over drie maanden met pensioen", Teamleider, false));
        var again = await Fails(() => NotNeeded(clientId, "Nog een keer", Teamleider));
        again.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(ReintegratieOwnership.OwnerKnownRule);
        var dossier = await SmzDossier(dossierId);
        (await Close(dossierId, dossier.Version, Procesbegeleider)).Dossier.Status.ShouldBe("closed");
        await Eventually.Until(() => KpiRow(clientId), r => r is { NeedsOwner: false }, what: "the client no longer counted");
    }

    [Fact]
    public async Task WerkbedrijfAcceptsTheHandover_ThenWerkbedrijfOwnsTheReintegratie()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, dossierId);
        await _flow.ReachedNazorg(handover.HandoverId);
        var transferred = await _flow.Transfer(handover.HandoverId);
        (await Owner(clientId, Procesbegeleider)).NeedsOwner.ShouldBeTrue();

        await Client.Handover.AcceptHandoverAsync(new AcceptHandoverRequest
        {
            HandoverId = handover.HandoverId, ExpectedVersion = transferred.Version,
        }, Client.As(AdviseurWerk));

        var owner = await Eventually.Until(() => Owner(clientId, Procesbegeleider), o => o.Owner != "", what: "SMZ to learn of the acceptance");
        (owner.Owner, owner.HandoverId, owner.NeedsOwner).ShouldBe((ReintegratieOwnership.Werkbedrijf, handover.HandoverId, false));
        await Eventually.Until(() => KpiRow(clientId), r => r is { NeedsOwner: false }, what: "the client no longer counted");
        var kpis = await Client.HandoverKpis().GetKpiDashboardAsync(new GetKpiDashboardRequest
        {
            AreaTeam = "arnhem-noord", FromDate = Day(-1), ToDate = Day(1),
        }, Client.As("manager"));
        kpis.Dashboard.ReintegratieOwners.WgaClientsWithoutOwner.ShouldBe(kpis.Dashboard.ReintegratieOwners.ByTeam.Sum(t => t.Count));
        kpis.Dashboard.ReintegratieOwners.ByTeam.ShouldAllBe(t => t.AreaTeam == "arnhem-noord");
        kpis.ToString().ShouldNotContain(clientId);
    }

    [Fact]
    public async Task AClientWithoutWgaOutcome_NeedsNoOwner_TheDossierCloses_AndNothingCanBeWaived()
    {
        var clientId = await Client.NewClientAsync(Arts);
        await Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse.Below35,
            FmlSummary = "Volledig belastbaar", DecisionDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, Client.As(Arts));
        var dossierId = await platform.InScope<SmzDbContext, Guid>(db =>
            db.Dossiers.Where(d => d.ClientId == Guid.Parse(clientId)).Select(d => d.DossierId).SingleAsync());

        var refused = await Fails(() => NotNeeded(clientId, "Geen re-integratie nodig", Teamleider));
        refused.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(ReintegratieOwnership.WgaOutcomeRule);
        var dossier = await SmzDossier(dossierId.ToString());
        (await Close(dossierId.ToString(), dossier.Version, Procesbegeleider)).Dossier.Status.ShouldBe("closed");
    }

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Contracts.Common.V1.Dossier> SmzDossier(string dossierId) =>
        (await Client.Smz.GetDossierAsync(new GetDossierRequest { DossierId = dossierId }, Client.As(Procesbegeleider))).Dossier;

    private async Task<ChangeDossierStatusResponse> Close(string dossierId, long version, string user) =>
        await Client.Smz.ChangeDossierStatusAsync(new ChangeDossierStatusRequest
        {
            DossierId = dossierId, ExpectedVersion = version, Status = "closed", Reason = "Beoordeling afgerond",
        }, Client.As(user));

    private async Task<ReintegratieOwner> Owner(string clientId, string user) =>
        (await Client.Smz.GetReintegratieOwnerAsync(new GetReintegratieOwnerRequest { ClientId = clientId }, Client.As(user))).Owner;

    private async Task<ReintegratieOwner> NotNeeded(string clientId, string reason, string user) =>
        (await Client.Smz.RecordReintegratieNotNeededAsync(new RecordReintegratieNotNeededRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId, Reason = reason,
        }, Client.As(user))).Owner;

    private Task<int> SmzOutbox(string clientId) =>
        platform.InScope<SmzDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(clientId)));

    private Task<KpiWgaClientRecord?> KpiRow(string clientId) =>
        platform.InScope<HandoverDbContext, KpiWgaClientRecord?>(db => db.KpiWgaClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == Guid.Parse(clientId)));
}
