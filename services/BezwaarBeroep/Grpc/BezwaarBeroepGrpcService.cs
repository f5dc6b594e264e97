using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.BezwaarBeroep.Grpc;

/// <summary>
/// Bezwaar &amp; Beroep. Roles per method: the jurist and teamleider work the bezwaren; managers and teamleiders see
/// the dwangsom exposure as aggregates. The bezwaren, dwangsom and contact methods are in the partial files beside this one.
/// </summary>
[Authorize]
public sealed partial class BezwaarBeroepGrpcService(
    BezwaarBeroepDbContext db,
    DossierCommands<BezwaarBeroepDbContext> dossiers,
    ContactCommands<BezwaarBeroepDbContext> contacts,
    IOptions<DwangsomOptions> dwangsom,
    OfficeHours office,
    TimeProvider clock) : BezwaarBeroepService.BezwaarBeroepServiceBase
{
    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.BezwaarBeroep, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<BezwaarBeroepDbContext>.ToProto(dossier) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep")]
    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        var history = await dossiers.HistoryAsync(dossier.DossierId, context.CancellationToken);
        return new GetDossierResponse
        {
            Dossier = DossierCommands<BezwaarBeroepDbContext>.ToProto(dossier),
            History = { DossierCommands<BezwaarBeroepDbContext>.ToProto(history) },
        };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<AssignDossierToMeResponse> AssignDossierToMe(AssignDossierToMeRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.AssignToCallerAsync(request.DossierId, request.ExpectedVersion, context.GetHttpContext().User, context.CancellationToken);
        return new AssignDossierToMeResponse { Dossier = DossierCommands<BezwaarBeroepDbContext>.ToProto(dossier) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<ChangeDossierStatusResponse> ChangeDossierStatus(ChangeDossierStatusRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.ChangeStatusAsync(request.DossierId, request.ExpectedVersion, request.Status, request.Reason,
            context.GetHttpContext().User, context.CancellationToken);
        return new ChangeDossierStatusResponse { Dossier = DossierCommands<BezwaarBeroepDbContext>.ToProto(dossier) };
    }

    private DateOnly Today() => office.DateOf(clock.GetUtcNow());
}
