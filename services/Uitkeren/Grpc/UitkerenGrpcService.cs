using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uwv.Contracts.Events;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;

namespace Uwv.Uitkeren.Grpc;

/// <summary>
/// Uitkeren: for the uitkeringsdeskundige and teamleider. Uitkeringen, voorschot, inkomsten and contacts are in the
/// partial files beside this one.
/// </summary>
[Authorize(Roles = Roles.Uitkeren)]
public sealed partial class UitkerenGrpcService(
    UitkerenDbContext db,
    DossierCommands<UitkerenDbContext> dossiers,
    ContactCommands<UitkerenDbContext> contacts,
    IOptions<UitkerenOptions> options,
    OfficeHours office,
    TimeProvider clock) : UitkerenService.UitkerenServiceBase
{
    public const long MaxAmountCents = 10_000_000;
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.Uitkeren, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<UitkerenDbContext>.ToProto(dossier) };
    }

    [PersonalData("uitkeren")]
    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        var history = await dossiers.HistoryAsync(dossier.DossierId, context.CancellationToken);
        return new GetDossierResponse
        {
            Dossier = DossierCommands<UitkerenDbContext>.ToProto(dossier),
            History = { DossierCommands<UitkerenDbContext>.ToProto(history) },
        };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<AssignDossierToMeResponse> AssignDossierToMe(AssignDossierToMeRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.AssignToCallerAsync(request.DossierId, request.ExpectedVersion, context.GetHttpContext().User, context.CancellationToken);
        return new AssignDossierToMeResponse { Dossier = DossierCommands<UitkerenDbContext>.ToProto(dossier) };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<ChangeDossierStatusResponse> ChangeDossierStatus(ChangeDossierStatusRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.ChangeStatusAsync(request.DossierId, request.ExpectedVersion, request.Status, request.Reason,
            context.GetHttpContext().User, context.CancellationToken);
        return new ChangeDossierStatusResponse { Dossier = DossierCommands<UitkerenDbContext>.ToProto(dossier) };
    }

    private DateOnly Today() => office.DateOf(clock.GetUtcNow());

    private static long Amount(long cents, string field, long min = 1)
    {
        if (cents < min || cents > MaxAmountCents)
        {
            throw RpcErrors.InvalidArgument(field, $"must be {min} to {MaxAmountCents} cents");
        }
        return cents;
    }

    private TerugvorderingRecord AddTerugvordering(Guid clientId, string areaTeam, Guid? uitkeringId, Guid? sourceId, long cents, string reason,
        string? requestId, string by, DateTimeOffset now)
    {
        var terugvordering = new TerugvorderingRecord
        {
            TerugvorderingId = Guid.NewGuid(),
            ClientId = clientId,
            AreaTeam = areaTeam,
            UitkeringId = uitkeringId,
            SourceId = sourceId,
            AmountCents = cents,
            Reason = reason,
            RecordedOn = office.DateOf(now),
            RecordedBy = by,
            RequestId = requestId,
        };
        db.Terugvorderingen.Add(terugvordering);
        db.Publish(new TerugvorderingRecorded(terugvordering.TerugvorderingId, clientId, uitkeringId, cents, reason, terugvordering.RecordedOn, now), now);
        return terugvordering;
    }

    private async Task<List<UitkeringRecord>> UitkeringenOf(Guid clientId, CancellationToken ct) =>
        await db.Uitkeringen.Where(u => u.ClientId == clientId).OrderBy(u => u.StartDate).ToListAsync(ct);
}
