using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Werkbedrijf.Data;

namespace Uwv.Werkbedrijf.Grpc;

[Authorize(Roles = Roles.Werkbedrijf)]
public sealed class WerkbedrijfGrpcService(DossierCommands<WerkbedrijfDbContext> dossiers) : WerkbedrijfService.WerkbedrijfServiceBase
{
    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.Werkbedrijf, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<WerkbedrijfDbContext>.ToProto(dossier) };
    }

    public override async Task<GetDossierResponse> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.GetAsync(request.DossierId, context.GetHttpContext().User, context.CancellationToken);
        return new GetDossierResponse { Dossier = DossierCommands<WerkbedrijfDbContext>.ToProto(dossier) };
    }
}
