using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Handover.Data;
using Uwv.Testing;
using static Uwv.IntegrationTests.Handover.HandoverFlow;

namespace Uwv.IntegrationTests.Handover;

/// <summary>Closing a dossier outside a handover is known to the handover ledger: the lineage ends, the open count drops.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class DossierClosedOutsideHandoverTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);
    private PlatformClient Client => _flow.Client;

    [Fact]
    public async Task DossierClosedByItsDivision_EndsItsLineageInTheLedger_AndLeavesNoDossierWithoutOwner()
    {
        var clientId = await Client.NewClientAsync(Arts);
        var opened = (await Client.Werkbedrijf().OpenDossierAsync(new OpenDossierRequest { RequestId = Guid.NewGuid().ToString(), ClientId = clientId },
            Client.As(AdviseurWerk))).Dossier;
        var id = Guid.Parse(opened.DossierId);
        await Eventually.Until(() => Row(id), r => r is { Active: true }, what: "the handover service to learn the dossier");

        await Client.Werkbedrijf().ChangeDossierStatusAsync(new ChangeDossierStatusRequest
        {
            DossierId = opened.DossierId, ExpectedVersion = opened.Version, Status = "closed", Reason = "Cliënt werkt weer",
        }, Client.As(AdviseurWerk));

        var row = await Eventually.Until(() => Row(id), r => r is { Active: false }, what: "the ledger to end the lineage");
        row!.LineageId.ShouldBe(id);
        var refused = await Fails(() => Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId, DossierId = opened.DossierId,
            FromDivision = Contracts.Common.V1.Division.Werkbedrijf, ToDivision = Contracts.Common.V1.Division.Smz, Reason = "Herbeoordeling nodig",
        }, Client.As(AdviseurWerk)).ResponseAsync);
        refused.Trailers.GetValue(Uwv.ServiceDefaults.Grpc.RpcErrors.RuleTrailer).ShouldBe(Uwv.Handover.Domain.HandoverDecider.OwnerDivision);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var kpis = await Client.HandoverKpis().GetKpiDashboardAsync(new GetKpiDashboardRequest { AreaTeam = "arnhem-noord", FromDate = today, ToDate = today },
            Client.As("manager"));
        kpis.Dashboard.Unaccepted.DossiersWithoutOwner.ShouldBe(0);
    }

    private Task<DossierOwnership?> Row(Guid dossierId) =>
        platform.InScope<HandoverDbContext, DossierOwnership?>(db => db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.DossierId == dossierId));
}
