using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.BezwaarBeroep.Grpc;

/// <summary>The beslissing on a bezwaar, the beroep against it, and the ingebrekestelling when it is late.</summary>
public sealed partial class BezwaarBeroepGrpcService
{
    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<DecideBezwaarResponse> DecideBezwaar(DecideBezwaarRequest request, ServerCallContext context)
    {
        var outcome = Require.Defined(request.Outcome, "outcome");
        var decidedOn = Require.Date(request.DecidedOn, "decided_on", notAfter: Today());
        if (request.Kennelijk && !BezwaarRules.CanBeKennelijk(outcome))
        {
            throw RpcErrors.InvalidArgument("kennelijk", "only a niet-ontvankelijk or ongegrond bezwaar can be kennelijk (Awb 4:17 lid 6)");
        }
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        NotBefore(decidedOn, bezwaar.ReceivedOn, "decided_on", "received_on");
        BezwaarRules.Decide(bezwaar, outcome, request.Kennelijk).ThrowIfRefused();
        if (bezwaar.HerstelRequestedOn is { } pending)
        {
            // Deciding ends a pending herstel: the defect was not repaired before the decision.
            bezwaar.OpschortingDays += Beslistermijn.OpschortingDays(pending, decidedOn);
            bezwaar.HerstelRequestedOn = null;
        }
        bezwaar.Outcome = outcome;
        bezwaar.DecidedOn = decidedOn;
        bezwaar.Kennelijk = request.Kennelijk;
        bezwaar.Status = BezwaarStatus.Beslist;
        return new DecideBezwaarResponse { Bezwaar = await SaveAsync(bezwaar, "beslist", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<RegisterBeroepResponse> RegisterBeroep(RegisterBeroepRequest request, ServerCallContext context)
    {
        var filedOn = Require.Date(request.FiledOn, "filed_on", notAfter: Today());
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        BezwaarRules.RegisterBeroep(bezwaar).ThrowIfRefused();
        NotBefore(filedOn, bezwaar.DecidedOn!.Value, "filed_on", "decided_on");
        bezwaar.BeroepFiledOn = filedOn;
        bezwaar.Status = BezwaarStatus.InBeroep;
        return new RegisterBeroepResponse { Bezwaar = await SaveAsync(bezwaar, "beroep", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<RecordIngebrekestellingResponse> RecordIngebrekestelling(RecordIngebrekestellingRequest request, ServerCallContext context)
    {
        var receivedOn = Require.Date(request.ReceivedOn, "received_on", notAfter: Today());
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        BezwaarRules.RecordIngebrekestelling(bezwaar, receivedOn).ThrowIfRefused();
        bezwaar.IngebrekestellingReceivedOn = receivedOn;
        bezwaar.DwangsomFrom = Dwangsom.FirstDay(receivedOn, dwangsom.Value, office.WorkingDays);
        return new RecordIngebrekestellingResponse { Bezwaar = await SaveAsync(bezwaar, "ingebrekestelling", context) };
    }
}
