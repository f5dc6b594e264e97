using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Clients;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;

namespace Uwv.Smz.Grpc;

[Authorize(Roles = Roles.Smz)]
public sealed class SmzGrpcService(
    SmzDbContext db,
    DossierCommands<SmzDbContext> dossiers,
    IClientDirectory clients,
    TimeProvider clock) : SmzService.SmzServiceBase
{
    public const int MaxFmlSummary = 2000;
    public const int MaxMedicalNotes = 20000;

    public override async Task<OpenDossierResponse> OpenDossier(OpenDossierRequest request, ServerCallContext context)
    {
        var dossier = await dossiers.OpenAsync(DivisionCode.Smz, request.ClientId, request.RequestId, request.OwnerEmployee,
            context.GetHttpContext().User, context.CancellationToken);
        return new OpenDossierResponse { Dossier = DossierCommands<SmzDbContext>.ToProto(dossier) };
    }

    /// <summary>Only the professionals who perform a beoordeling record it.</summary>
    [Authorize(Roles = Roles.Verzekeringsarts + "," + Roles.Arbeidsdeskundige)]
    public override async Task<RecordBeoordelingResponse> RecordBeoordeling(RecordBeoordelingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        if (requestId is not null && await db.Beoordelingen.AsNoTracking().FirstOrDefaultAsync(b => b.RequestId == requestId, ct) is { } repeat)
        {
            return new RecordBeoordelingResponse { BeoordelingId = repeat.BeoordelingId.ToString() };
        }
        var clientId = Require.Id(request.ClientId, "client_id");
        var type = Require.Defined(request.Type, "type");
        var aoKlasse = Require.Defined(request.AoKlasse, "ao_klasse");
        var fml = Require.Text(request.FmlSummary, "fml_summary", MaxFmlSummary);
        var now = clock.GetUtcNow();
        var decisionDate = Require.Date(request.DecisionDate, "decision_date",
            notAfter: DateOnly.FromDateTime(now.UtcDateTime), notBefore: new DateOnly(2000, 1, 1));
        var notes = Require.OptionalText(request.MedicalNotes, "medical_notes", MaxMedicalNotes);

        var user = context.GetHttpContext().User;
        var client = await clients.GetAsync(clientId, ct);
        TeamScope.EnsureSameTeam(user, client.AreaTeam);

        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.ClientId == clientId && d.Division == DivisionCode.Smz && d.Status != "closed", ct);
        if (dossier is null)
        {
            // A beoordeling is always part of an SMZ dossier; the first one opens it.
            dossier = new DossierRecord
            {
                DossierId = Guid.NewGuid(),
                ClientId = clientId,
                Division = DivisionCode.Smz,
                OwnerTeam = client.AreaTeam,
                OwnerEmployee = user.SubjectId(),
                Status = "open",
                OpenedAt = now,
                Version = 1,
            };
            db.Dossiers.Add(dossier);
            db.Publish(new DossierOpened(dossier.DossierId, clientId, DivisionCode.Smz, dossier.OwnerTeam, dossier.OwnerEmployee, now), now);
        }
        var beoordeling = new BeoordelingRecord
        {
            BeoordelingId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            Type = type,
            AoKlasse = aoKlasse,
            FmlSummary = fml,
            DecisionDate = decisionDate,
            MedicalNotes = notes,
            RecordedBy = user.SubjectId(),
            RecordedAt = now,
            RequestId = requestId,
        };
        db.Beoordelingen.Add(beoordeling);
        db.Publish(new BeoordelingRecorded(beoordeling.BeoordelingId, clientId, Name(type), Name(aoKlasse), fml, decisionDate, now), now);
        await db.SaveChangesAsync(ct);
        return new RecordBeoordelingResponse { BeoordelingId = beoordeling.BeoordelingId.ToString() };
    }

    public override async Task<GetBeoordelingResponse> GetBeoordeling(GetBeoordelingRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.BeoordelingId, "beoordeling_id");
        var b = await db.Beoordelingen.AsNoTracking().FirstOrDefaultAsync(x => x.BeoordelingId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("beoordeling", request.BeoordelingId);
        var user = context.GetHttpContext().User;
        var client = await clients.GetAsync(b.ClientId, context.CancellationToken);
        TeamScope.EnsureSameTeam(user, client.AreaTeam);
        return new GetBeoordelingResponse
        {
            Beoordeling = new Beoordeling
            {
                BeoordelingId = b.BeoordelingId.ToString(),
                ClientId = b.ClientId.ToString(),
                Type = b.Type,
                AoKlasse = b.AoKlasse,
                FmlSummary = b.FmlSummary,
                DecisionDate = b.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                // Medical professional secrecy: removed here, server-side, for everyone but the medical roles.
                MedicalNotes = user.HasAnyRole(Roles.Medical) ? b.MedicalNotes ?? "" : "",
                RecordedBy = b.RecordedBy,
            },
        };
    }

    private static string Name(BeoordelingType type) => type switch
    {
        BeoordelingType.WiaClaimbeoordeling => "WIA-claimbeoordeling",
        BeoordelingType.Herbeoordeling => "Herbeoordeling",
        BeoordelingType.Ziektewet => "Ziektewetbeoordeling",
        _ => type.ToString(),
    };

    private static string Name(AoKlasse klasse) => klasse switch
    {
        AoKlasse.Below35 => "minder dan 35%",
        AoKlasse._3580 => "35-80%",
        AoKlasse._80100Wga => "80-100% WGA",
        AoKlasse.Iva => "IVA",
        _ => klasse.ToString(),
    };
}
