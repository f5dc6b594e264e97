using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;

namespace Uwv.Smz.Grpc;

/// <summary>Beoordelingen: WIA claimbeoordeling, herbeoordeling (herkeuring), Ziektewet beoordeling.</summary>
public sealed partial class SmzGrpcService
{
    public const int MaxFmlSummary = 2000;
    public const int MaxMedicalNotes = 20000;

    /// <summary>Only the professionals who perform a beoordeling record it.</summary>
    [Authorize(Roles = Roles.Verzekeringsarts + "," + Roles.Arbeidsdeskundige)]
    [PersonalData("beoordeling,medical", Writes = true)]
    public override async Task<RecordBeoordelingResponse> RecordBeoordeling(RecordBeoordelingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Beoordelingen.AsNoTracking()
                .FirstOrDefaultAsync(b => b.RecordedBy == user.SubjectId() && b.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.RequireClientAsync(repeat.ClientId.ToString(), user, ct);
            return new RecordBeoordelingResponse { BeoordelingId = repeat.BeoordelingId.ToString() };
        }
        var clientIdCheck = Require.Id(request.ClientId, "client_id");
        var type = Require.Defined(request.Type, "type");
        var aoKlasse = Require.Defined(request.AoKlasse, "ao_klasse");
        var fml = Require.Text(request.FmlSummary, "fml_summary", MaxFmlSummary);
        var today = Today();
        var decisionDate = Require.Date(request.DecisionDate, "decision_date", notAfter: today, notBefore: new DateOnly(2000, 1, 1));
        var notes = Require.OptionalText(request.MedicalNotes, "medical_notes", MaxMedicalNotes);
        int? percentage = request.HasAoPercentage ? request.AoPercentage : null;
        if (percentage is { } pct && (pct is < 0 or > 100 || !AoKlassen.Matches(aoKlasse, pct)))
        {
            throw RpcErrors.InvalidArgument("ao_percentage", "must be 0 to 100 and fall in ao_klasse");
        }
        var verzekeringsarts = Require.OptionalText(request.Verzekeringsarts, "verzekeringsarts", 200);
        var arbeidsdeskundige = Require.OptionalText(request.Arbeidsdeskundige, "arbeidsdeskundige", 200);
        if (verzekeringsarts is null && arbeidsdeskundige is null)
        {
            // Performed by the caller, in their own role.
            verzekeringsarts = user.IsInRole(Roles.Verzekeringsarts) ? user.SubjectId() : null;
            arbeidsdeskundige = user.IsInRole(Roles.Arbeidsdeskundige) ? user.SubjectId() : null;
        }
        var (clientId, client) = await dossiers.RequireClientAsync(clientIdCheck.ToString(), user, ct);

        // A beoordeling is always part of an SMZ dossier; the first one opens it.
        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.Smz, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
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
            Verzekeringsarts = verzekeringsarts,
            Arbeidsdeskundige = arbeidsdeskundige,
            AoPercentage = percentage,
            RecordedBy = user.SubjectId(),
            RecordedAt = now,
            RequestId = requestId,
        };
        db.Beoordelingen.Add(beoordeling);
        await TrackWga80100Async(clientId, client.AreaTeam, aoKlasse, decisionDate, ct);
        await TrackReintegratieOwnerAsync(clientId, client.AreaTeam, aoKlasse, now, ct);
        db.Publish(new BeoordelingRecorded(beoordeling.BeoordelingId, clientId, Name(type), Name(aoKlasse), fml, decisionDate, now), now);
        if (type == BeoordelingType.WiaClaimbeoordeling)
        {
            db.Publish(new WiaClaimDecided(beoordeling.BeoordelingId, clientId, decisionDate, now), now);
        }
        await db.SaveChangesAsync(ct);
        return new RecordBeoordelingResponse { BeoordelingId = beoordeling.BeoordelingId.ToString() };
    }

    [PersonalData("beoordeling,medical")]
    public override async Task<GetBeoordelingResponse> GetBeoordeling(GetBeoordelingRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.BeoordelingId, "beoordeling_id");
        context.UserState[AuditInterceptor.PurposeKey] = InzageDoel.Require(request.Purpose, request.PurposeNote);
        var b = await db.Beoordelingen.AsNoTracking().FirstOrDefaultAsync(x => x.BeoordelingId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("beoordeling", request.BeoordelingId);
        var user = context.GetHttpContext().User;
        await dossiers.RequireClientAsync(b.ClientId.ToString(), user, context.CancellationToken);
        var beoordeling = new Beoordeling
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
            Verzekeringsarts = b.Verzekeringsarts ?? "",
            Arbeidsdeskundige = b.Arbeidsdeskundige ?? "",
        };
        if (b.AoPercentage is { } pct)
        {
            beoordeling.AoPercentage = pct;
        }
        context.AuditFields(beoordeling.MedicalNotes.Length > 0 ? "beoordeling,medical" : "beoordeling");
        return new GetBeoordelingResponse { Beoordeling = beoordeling };
    }

    /// <summary>
    /// A beoordeling in WGA 80-100 puts the client on the yearly-contact list, with its norm deadline; any other class
    /// takes them off and voids the deadline.
    /// </summary>
    private async Task TrackWga80100Async(Guid clientId, string areaTeam, AoKlasse klasse, DateOnly decisionDate, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.Wga80100Monitoring.FirstOrDefaultAsync(w => w.ClientId == clientId, ct);
        if (!Wga80100Monitoring.Applies(klasse))
        {
            if (row is not null)
            {
                db.Wga80100Monitoring.Remove(row);
                await SmzNormDeadlines.TrackWga80100Async(db, null, clientId, office, now, ct);
            }
            return;
        }
        if (row is null)
        {
            row = new Wga80100MonitoringRecord { ClientId = clientId, AreaTeam = areaTeam };
            db.Wga80100Monitoring.Add(row);
        }
        row.AreaTeam = areaTeam;
        row.Since = decisionDate;
        row.NextContactDueOn = Wga80100Monitoring.NextContactDue(row.Since, row.LastContactOn);
        await SmzNormDeadlines.TrackWga80100Async(db, row, clientId, office, now, ct);
    }

    /// <summary>A reached contact with a WGA 80-100 client counts as the yearly contact: its deadline resolves and the next is set.</summary>
    private async Task NoteWga80100ContactAsync(Guid clientId, DateOnly contactOn, CancellationToken ct)
    {
        if (await db.Wga80100Monitoring.FirstOrDefaultAsync(w => w.ClientId == clientId, ct) is { } row
            && (row.LastContactOn is null || contactOn > row.LastContactOn))
        {
            row.LastContactOn = contactOn;
            row.NextContactDueOn = Wga80100Monitoring.NextContactDue(row.Since, contactOn);
            await SmzNormDeadlines.NoteWga80100ContactAsync(db, row, contactOn, office, clock.GetUtcNow(), ct);
        }
    }

    internal static string Name(BeoordelingType type) => type switch
    {
        BeoordelingType.WiaClaimbeoordeling => "WIA-claimbeoordeling",
        BeoordelingType.Herbeoordeling => "Herbeoordeling",
        BeoordelingType.Ziektewet => "Ziektewetbeoordeling",
        _ => type.ToString(),
    };

    internal static string Name(AoKlasse klasse) => klasse switch
    {
        AoKlasse.Below35 => "minder dan 35%",
        AoKlasse._3580 => "35-80%",
        AoKlasse._80100Wga => "80-100% WGA",
        AoKlasse.Iva => "IVA",
        _ => klasse.ToString(),
    };
}
