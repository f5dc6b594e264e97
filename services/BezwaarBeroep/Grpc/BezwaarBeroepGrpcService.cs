using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.BezwaarBeroep.Data;

namespace Uwv.BezwaarBeroep.Grpc;

[Authorize(Roles = Roles.BezwaarBeroep)]
public sealed class BezwaarBeroepGrpcService(DossierCommands<BezwaarBeroepDbContext> dossiers) : BezwaarBeroepService.BezwaarBeroepServiceBase
{
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.BezwaarBeroep, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<BezwaarBeroepDbContext>.ToProto(dossier) };
    }

    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        return new GetDossierResponse { Dossier = DossierCommands<BezwaarBeroepDbContext>.ToProto(dossier) };
    }
}
