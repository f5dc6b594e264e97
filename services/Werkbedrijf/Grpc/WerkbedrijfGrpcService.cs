using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.Contracts.Events;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Werkbedrijf.Data;

namespace Uwv.Werkbedrijf.Grpc;

/// <summary>
/// Werkbedrijf. Roles per method: the adviseur werk, arbeidsdeskundige and teamleider work the dossiers; managers see the
/// herbeoordelingsverzoek counts. Trajecten, verzoeken and contacts are in the partial files beside this one.
/// </summary>
[Authorize]
public sealed partial class WerkbedrijfGrpcService(
    WerkbedrijfDbContext db,
    DossierCommands<WerkbedrijfDbContext> dossiers,
    ContactCommands<WerkbedrijfDbContext> contacts,
    TimeProvider clock) : WerkbedrijfService.WerkbedrijfServiceBase
{
    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.Werkbedrijf, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<WerkbedrijfDbContext>.ToProto(dossier) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf")]
    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        var history = await dossiers.HistoryAsync(dossier.DossierId, context.CancellationToken);
        return new GetDossierResponse
        {
            Dossier = DossierCommands<WerkbedrijfDbContext>.ToProto(dossier),
            History = { DossierCommands<WerkbedrijfDbContext>.ToProto(history) },
        };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<AssignDossierToMeResponse> AssignDossierToMe(AssignDossierToMeRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.AssignToCallerAsync(request.DossierId, request.ExpectedVersion, context.GetHttpContext().User, context.CancellationToken);
        return new AssignDossierToMeResponse { Dossier = DossierCommands<WerkbedrijfDbContext>.ToProto(dossier) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<ChangeDossierStatusResponse> ChangeDossierStatus(ChangeDossierStatusRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.ChangeStatusAsync(request.DossierId, request.ExpectedVersion, request.Status, request.Reason,
            context.GetHttpContext().User, context.CancellationToken);
        return new ChangeDossierStatusResponse { Dossier = DossierCommands<WerkbedrijfDbContext>.ToProto(dossier) };
    }
}
