using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Uitkeren.Data;

namespace Uwv.Uitkeren.Grpc;

[Authorize(Roles = Roles.Uitkeren)]
public sealed class UitkerenGrpcService(DossierCommands<UitkerenDbContext> dossiers) : UitkerenService.UitkerenServiceBase
{
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.Uitkeren, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<UitkerenDbContext>.ToProto(dossier) };
    }

    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        return new GetDossierResponse { Dossier = DossierCommands<UitkerenDbContext>.ToProto(dossier) };
    }
}
