using System.Globalization;
using Grpc.Core;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using Bb = Uwv.Contracts.BezwaarBeroep.V1;
using Common = Uwv.Contracts.Common.V1;
using Smz = Uwv.Contracts.Smz.V1;
using Uit = Uwv.Contracts.Uitkeren.V1;
using Wb = Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Handover.Divisions;

/// <summary>Asks a division for one of its dossiers.</summary>
public interface IDivisionDossiers
{
    /// <summary>The division's dossier, or <c>null</c> when the division answers NOT_FOUND.</summary>
    Task<DivisionDossier?> FindAsync(DivisionCode division, Guid dossierId, CancellationToken ct);
}

/// <summary>
/// The divisions' <c>GetDossier</c> over gRPC (through the Dapr sidecar in the cluster), with the caller's token
/// forwarded, so the division authorizes (and audits) the employee who asked for the handover. A refusal by the
/// division is passed on as PERMISSION_DENIED; a division that cannot be reached is UNAVAILABLE (retryable), never NOT_FOUND.
/// </summary>
public sealed class GrpcDivisionDossiers(
    Smz.SmzService.SmzServiceClient smz,
    Wb.WerkbedrijfService.WerkbedrijfServiceClient werkbedrijf,
    Uit.UitkerenService.UitkerenServiceClient uitkeren,
    Bb.BezwaarBeroepService.BezwaarBeroepServiceClient bezwaarBeroep) : IDivisionDossiers
{
    public async Task<DivisionDossier?> FindAsync(DivisionCode division, Guid dossierId, CancellationToken ct)
    {
        var id = dossierId.ToString();
        try
        {
            var dossier = division switch
            {
                DivisionCode.Smz => (await smz.GetDossierAsync(new Smz.GetDossierRequest { DossierId = id }, cancellationToken: ct)).Dossier,
                DivisionCode.Werkbedrijf => (await werkbedrijf.GetDossierAsync(new Wb.GetDossierRequest { DossierId = id }, cancellationToken: ct)).Dossier,
                DivisionCode.Uitkeren => (await uitkeren.GetDossierAsync(new Uit.GetDossierRequest { DossierId = id }, cancellationToken: ct)).Dossier,
                DivisionCode.BezwaarBeroep => (await bezwaarBeroep.GetDossierAsync(new Bb.GetDossierRequest { DossierId = id }, cancellationToken: ct)).Dossier,
                _ => throw new ArgumentOutOfRangeException(nameof(division), division, "unknown division"),
            };
            return dossier is null ? null : Map(dossier);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            throw RpcErrors.PermissionDenied(ex.Trailers.GetValue(RpcErrors.RuleTrailer) ?? AccessReasons.Client,
                $"{HandoverKinds.Code(division)} does not show this dossier to the caller: {ex.Status.Detail}");
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled || !ct.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"the handover service does not know this dossier yet and {HandoverKinds.Code(division)} could not be asked ({ex.StatusCode}); try again"));
        }
    }

    private static DivisionDossier Map(Common.Dossier d) => new(
        Guid.Parse(d.DossierId),
        Guid.Parse(d.ClientId),
        (DivisionCode)(int)d.Division,
        d.OwnerTeam,
        d.OwnerEmployee,
        d.Status,
        DateTimeOffset.Parse(d.OpenedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
