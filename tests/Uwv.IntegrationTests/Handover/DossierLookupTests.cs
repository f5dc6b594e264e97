using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Testing;
using static Uwv.IntegrationTests.Handover.HandoverFlow;
using Division = Uwv.Contracts.Common.V1.Division;
using DivisionCode = Uwv.Contracts.Events.DivisionCode;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// What the klantbeeld shows can be acted on: a dossier the handover service has not learned from the bus yet is asked of
/// its division before NOT_FOUND is answered (docs/decisions/0022-dossier-lookup-fallback.md).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class DossierLookupTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);

    [Fact]
    public async Task RequestHandover_ImmediatelyAfterTheBeoordeling_IsNeverRefused()
    {
        for (var i = 0; i < 30; i++)
        {
            var registered = await _flow.Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
            {
                Bsn = TestData.NewBsn(), Name = "Noor de Vries", DateOfBirth = "1981-03-04", Postcode = TestData.NoordPostcode,
            }, _flow.Client.As(Arts));
            await _flow.Client.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
            {
                ClientId = registered.ClientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580,
                FmlSummary = "Kan 4 uur per dag werken", DecisionDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, _flow.Client.As(Arts));
            var dossierId = await Eventually.Until(
                () => _flow.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = registered.ClientId, Purpose = "overdracht" }, _flow.Client.As(Procesbegeleider)).ResponseAsync,
                k => k.Klantbeeld.Dossiers.Any(d => d.Division == Division.Smz), what: "the SMZ dossier in the klantbeeld")
                .ContinueWith(t => t.Result.Klantbeeld.Dossiers.First(d => d.Division == Division.Smz).DossierId);

            // At once, as an employee does who sees the dossier: no waiting for the handover service to hear of it.
            var handover = await _flow.Request(registered.ClientId, dossierId);

            handover.State.ShouldBe(HandoverStates.Requested);
            handover.DossierId.ShouldBe(dossierId);
        }
    }

    [Fact]
    public async Task RequestHandover_ForADossierNotLearnedFromTheBus_AsksTheDivision_AndRecordsTheDossierOnce()
    {
        var (clientId, _) = await _flow.ClientWithSmzDossier();
        var unannounced = await DossierInSmzWithoutEvent(clientId, "arnhem-noord", DossierStatuses.Open);

        var handover = await _flow.Request(clientId, unannounced.ToString());

        handover.State.ShouldBe(HandoverStates.Requested);
        var learned = await platform.InScope<HandoverDbContext, List<DossierOwnership>>(db =>
            db.Dossiers.AsNoTracking().Where(d => d.DossierId == unannounced).ToListAsync());
        var row = learned.ShouldHaveSingleItem();
        (row.LineageId, row.Division, row.Team, row.Active).ShouldBe((unannounced, DivisionCode.Smz, "arnhem-noord", true));
    }

    [Fact]
    public async Task RequestHandover_ForADossierNoDivisionKnows_IsNotFound_AndWritesNothing()
    {
        var (clientId, _) = await _flow.ClientWithSmzDossier();
        var before = await _flow.Writes(clientId);
        var unknown = Guid.NewGuid().ToString();

        var refused = await Fails(() => _flow.Request(clientId, unknown));

        refused.StatusCode.ShouldBe(StatusCode.NotFound);
        refused.Status.Detail.ShouldBe($"dossier {unknown} was not found");
        (await _flow.Writes(clientId)).ShouldBe(before);
        (await platform.InScope<HandoverDbContext, int>(db => db.Dossiers.CountAsync(d => d.DossierId == Guid.Parse(unknown)))).ShouldBe(0);
    }

    [Fact]
    public async Task RequestHandover_ForADossierItsDivisionClosed_IsRefused_AndLearnsNothing()
    {
        var (clientId, _) = await _flow.ClientWithSmzDossier();
        var closed = await DossierInSmzWithoutEvent(clientId, "arnhem-noord", DossierStatuses.Closed);
        var before = await _flow.Writes(clientId);

        var refused = await Fails(() => _flow.Request(clientId, closed.ToString()));

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(DossierLookup.DossierClosedRule);
        (await _flow.Writes(clientId)).ShouldBe(before);
        (await platform.InScope<HandoverDbContext, int>(db => db.Dossiers.CountAsync(d => d.DossierId == closed))).ShouldBe(0);
    }

    [Fact]
    public async Task RequestHandover_ForAnotherTeamsDossier_TheDivisionRefuses_PermissionDenied()
    {
        var (clientId, _) = await _flow.ClientWithSmzDossier();
        var elsewhere = await DossierInSmzWithoutEvent(clientId, "arnhem-zuid", DossierStatuses.Open);

        var refused = await Fails(() => _flow.Request(clientId, elsewhere.ToString()));

        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await platform.InScope<HandoverDbContext, int>(db => db.Dossiers.CountAsync(d => d.DossierId == elsewhere))).ShouldBe(0);
    }

    /// <summary>A dossier in SMZ's own table whose DossierOpened never reaches the bus: the handover service can only ask.</summary>
    private Task<Guid> DossierInSmzWithoutEvent(string clientId, string team, string status) =>
        platform.InScope<SmzDbContext, Guid>(async db =>
        {
            var dossier = new DossierRecord
            {
                DossierId = Guid.NewGuid(), ClientId = Guid.Parse(clientId), Division = DivisionCode.Smz, OwnerTeam = team,
                OwnerEmployee = Arts, Status = status, OpenedAt = DateTimeOffset.UtcNow, Version = 1,
            };
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
            return dossier.DossierId;
        });
}
