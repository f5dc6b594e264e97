using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Smz.Data;

namespace Uwv.Smz.Grpc;

/// <summary>
/// Sociaal Medische Zaken, for SMZ's roles. Beoordelingen, herkeuringen, WGA 80-100 monitoring, herbeoordelingsverzoeken
/// and contacts are in the partial files beside this one. Medical content never leaves this service.
/// </summary>
[Authorize(Roles = Roles.Smz)]
public sealed partial class SmzGrpcService(
    SmzDbContext db,
    DossierCommands<SmzDbContext> dossiers,
    ContactCommands<SmzDbContext> contacts,
    OfficeHours office,
    TimeProvider clock) : SmzService.SmzServiceBase
{
    [PersonalData("smz", Writes = true)]
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.Smz, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<SmzDbContext>.ToProto(dossier) };
    }

    [PersonalData("smz")]
    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        var history = await dossiers.HistoryAsync(dossier.DossierId, context.CancellationToken);
        return new GetDossierResponse
        {
            Dossier = DossierCommands<SmzDbContext>.ToProto(dossier),
            History = { DossierCommands<SmzDbContext>.ToProto(history) },
        };
    }

    [PersonalData("smz", Writes = true)]
    public override async Task<AssignDossierToMeResponse> AssignDossierToMe(AssignDossierToMeRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.AssignToCallerAsync(request.DossierId, request.ExpectedVersion, context.GetHttpContext().User, context.CancellationToken);
        return new AssignDossierToMeResponse { Dossier = DossierCommands<SmzDbContext>.ToProto(dossier) };
    }

    [PersonalData("smz", Writes = true)]
    public override async Task<ChangeDossierStatusResponse> ChangeDossierStatus(ChangeDossierStatusRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.ChangeStatusAsync(request.DossierId, request.ExpectedVersion, request.Status, request.Reason,
            context.GetHttpContext().User, context.CancellationToken, (d, status) => MayChangeDossierAsync(d, status, context.CancellationToken));
        return new ChangeDossierStatusResponse { Dossier = DossierCommands<SmzDbContext>.ToProto(dossier) };
    }

    private DateOnly Today() => office.DateOf(clock.GetUtcNow());
}
