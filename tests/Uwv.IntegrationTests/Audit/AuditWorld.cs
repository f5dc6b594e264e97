using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Calendar;
using Uwv.Smz.Data;
using Uwv.Testing;
using Uwv.Uitkeren.Data;
using Uwv.Werkbedrijf.Data;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Audit;

/// <summary>How the client of a call relates to the caller's area team.</summary>
public enum TeamRelation
{
    Own,
    Other,
    /// <summary>The client was of the caller's team, with work of every kind, and moved to another team: access follows the client.</summary>
    Former,
}

/// <summary>One client with a record of every kind the API addresses by id, all in one area team.</summary>
public sealed record Target(
    string Team, string Postcode, string ClientId, string BeoordelingId, string AanvraagId, string SmzVerzoekId, string WbVerzoekId,
    string TrajectId, string UitkeringId, string VoorschotId, string BezwaarId, string HandoverId, string HandoverDossierId,
    IReadOnlyDictionary<string, string> DossierIds, IReadOnlyDictionary<string, string> TerugbelverzoekIds)
{
    public string SignaalId { get; init; } = "";

    public string InkomstenSignaalId { get; init; } = "";

    public static readonly string Today = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile().DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(int offset) =>
        Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile().DateOf(DateTimeOffset.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The data the access matrix works on, made once: a client of the caller's own area team and one of another team, each
/// with a dossier in every division, a beoordeling with medical notes, a herkeuringsaanvraag, a herbeoordelingsverzoek, a
/// traject, an uitkering, a voorschot, a bezwaar, terugbelverzoeken and a handover with a signaal.
/// </summary>
public sealed class AuditWorld
{
    public const string CallerTeam = "arnhem-noord";
    public const string OtherTeam = "arnhem-zuid";

    private static readonly Dictionary<TeamRelation, (string Team, string Postcode)> Teams = new()
    {
        [TeamRelation.Own] = (CallerTeam, TestData.NoordPostcode),
        [TeamRelation.Other] = (OtherTeam, TestData.ZuidPostcode),
        [TeamRelation.Former] = (CallerTeam, TestData.NoordPostcode),
    };

    public IReadOnlyDictionary<TeamRelation, Target> Targets { get; private init; } = new Dictionary<TeamRelation, Target>();

    public static async Task<AuditWorld> CreateAsync(EmbeddedPlatformFixture platform)
    {
        var targets = new Dictionary<TeamRelation, Target>();
        foreach (var (relation, (team, postcode)) in Teams)
        {
            var target = await TargetAsync(platform, team, postcode);
            targets[relation] = relation == TeamRelation.Former ? await MovedAwayAsync(platform, target) : target;
        }
        return new AuditWorld { Targets = targets };
    }

    /// <summary>Moves the target's client to the other team and waits until every service has seen the move.</summary>
    private static async Task<Target> MovedAwayAsync(EmbeddedPlatformFixture platform, Target target)
    {
        var c = platform.Client;
        var former = c.As($"teamleider.{target.Team}");
        await c.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = target.ClientId, NewPostcode = TestData.ZuidPostcode },
            c.As($"procesbegeleider.{target.Team}"));
        var reads = new (string Service, Func<Task> Read)[]
        {
            ("klantbeeld", () => c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = target.ClientId, Purpose = "dossierbehandeling" }, former).ResponseAsync),
            ("smz", () => c.Smz.GetBeoordelingAsync(new GetBeoordelingRequest { BeoordelingId = target.BeoordelingId, Purpose = "beoordeling" }, former).ResponseAsync),
            ("werkbedrijf", () => c.Werkbedrijf().GetTrajectAsync(new GetTrajectRequest { TrajectId = target.TrajectId }, former).ResponseAsync),
            ("uitkeren", () => c.Uitkeren().GetVoorschotAsync(new GetVoorschotRequest { VoorschotId = target.VoorschotId }, former).ResponseAsync),
            ("bezwaarberoep", () => c.BezwaarBeroep().GetBezwaarAsync(new GetBezwaarRequest { BezwaarId = target.BezwaarId }, former).ResponseAsync),
            ("handover", () => c.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = target.HandoverId }, former).ResponseAsync),
        };
        foreach (var (service, read) in reads)
        {
            await Eventually.Until(async () =>
            {
                try
                {
                    await read();
                    return false;
                }
                catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
                {
                    return true;
                }
            }, refused => refused, what: $"{service} to apply the move");
        }
        return target with { Team = OtherTeam, Postcode = TestData.ZuidPostcode };
    }

    private static async Task<Target> TargetAsync(EmbeddedPlatformFixture platform, string team, string postcode)
    {
        var c = platform.Client;
        string U(string role) => $"{role}.{team}";
        var clientId = (await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Matrix Cliënt", DateOfBirth = "1975-04-04", Postcode = postcode,
        }, c.As(U("verzekeringsarts")))).ClientId;
        var id = Guid.Parse(clientId);

        var beoordelingId = (await c.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga,
            FmlSummary = "Zeer beperkt belastbaar", DecisionDate = Target.Day(-30), MedicalNotes = "MEDISCH-MATRIX",
        }, c.As(U("verzekeringsarts")))).BeoordelingId;
        var aanvraagId = (await c.Smz.RegisterHerkeuringsaanvraagAsync(new RegisterHerkeuringsaanvraagRequest { ClientId = clientId, ReceivedOn = Target.Today },
            c.As(U("procesbegeleider")))).Aanvraag.AanvraagId;

        var wb = c.Werkbedrijf();
        await wb.OpenDossierAsync(new Contracts.Werkbedrijf.V1.OpenDossierRequest { ClientId = clientId }, c.As(U("adviseur-werk")));
        var trajectId = (await wb.StartTrajectAsync(new StartTrajectRequest { ClientId = clientId }, c.As(U("adviseur-werk")))).Traject.TrajectId;
        var wbVerzoekId = (await wb.OpenHerbeoordelingsverzoekAsync(new OpenHerbeoordelingsverzoekRequest { ClientId = clientId, Reason = "Kan meer" },
            c.As(U("adviseur-werk")))).Verzoek.VerzoekId;

        var uit = c.Uitkeren();
        await uit.OpenDossierAsync(new Contracts.Uitkeren.V1.OpenDossierRequest { ClientId = clientId }, c.As(U("uitkeringsdeskundige")));
        var uitkeringId = (await uit.GrantUitkeringAsync(new GrantUitkeringRequest
        {
            ClientId = clientId, Type = UitkeringType.Ww, StartDate = Target.Day(-60), MonthlyAmountCents = 90_000,
        }, c.As(U("uitkeringsdeskundige")))).Uitkering.UitkeringId;
        var voorschotId = (await uit.OfferVoorschotAsync(new OfferVoorschotRequest { ClientId = clientId, MonthlyAmountCents = 100_000, WiaAanvraagOn = Target.Day(-20) },
            c.As(U("uitkeringsdeskundige")))).Voorschot.VoorschotId;

        var bb = c.BezwaarBeroep();
        var bezwaarId = (await bb.RegisterBezwaarAsync(new RegisterBezwaarRequest
        {
            ClientId = clientId, DecisionDivision = Division.Smz, DecisionReference = "MATRIX-1", DecisionSentOn = Target.Day(-7),
            ReceivedOn = Target.Day(-1), Grounds = "Niet eens met de beoordeling",
        }, c.As(U("jurist")))).Bezwaar.BezwaarId;

        var terugbel = new Dictionary<string, string>
        {
            ["smz"] = (await c.Smz.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Matrix" }, c.As(U("verzekeringsarts")))).Terugbelverzoek.TerugbelverzoekId,
            ["werkbedrijf"] = (await wb.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Matrix" }, c.As(U("adviseur-werk")))).Terugbelverzoek.TerugbelverzoekId,
            ["uitkeren"] = (await uit.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Matrix" }, c.As(U("uitkeringsdeskundige")))).Terugbelverzoek.TerugbelverzoekId,
            ["bezwaarberoep"] = (await bb.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Matrix" }, c.As(U("jurist")))).Terugbelverzoek.TerugbelverzoekId,
        };
        var dossiers = new Dictionary<string, string>
        {
            ["smz"] = await platform.InScope<SmzDbContext, string>(async db => (await db.Dossiers.FirstAsync(d => d.ClientId == id)).DossierId.ToString()),
            ["werkbedrijf"] = await platform.InScope<WerkbedrijfDbContext, string>(async db => (await db.Dossiers.FirstAsync(d => d.ClientId == id)).DossierId.ToString()),
            ["uitkeren"] = await platform.InScope<UitkerenDbContext, string>(async db => (await db.Dossiers.FirstAsync(d => d.ClientId == id)).DossierId.ToString()),
            ["bezwaarberoep"] = await platform.InScope<BezwaarBeroepDbContext, string>(async db => (await db.Dossiers.FirstAsync(d => d.ClientId == id)).DossierId.ToString()),
        };

        var smzVerzoekId = await Eventually.Until(
            () => platform.InScope<SmzDbContext, string?>(async db => (await db.Herbeoordelingsverzoeken.AsNoTracking().FirstOrDefaultAsync(v => v.ClientId == id))?.VerzoekId.ToString()),
            v => v is not null, what: "SMZ to receive the herbeoordelingsverzoek");
        var handoverDossier = await Eventually.Until(
            () => platform.InScope<HandoverDbContext, DossierOwnership?>(db => db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == id && d.Division == Contracts.Events.DivisionCode.Smz)),
            d => d is not null, what: "the handover service to learn the SMZ dossier");
        var handoverId = (await c.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId, DossierId = handoverDossier!.DossierId.ToString(),
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Beoordeling afgerond", OpenQuestions = "Welke sector?",
        }, c.As(U("procesbegeleider")))).Handover.HandoverId;
        var signaalId = (await c.Handover.RecordSignaalAsync(new RecordSignaalRequest
        {
            ClientId = clientId, Factor = KwetsbaarheidFactor.Financien, Note = "Schulden", ClientConsent = true,
        }, c.As(U("procesbegeleider")))).SignaalId;
        // A month long before the WW began: no uitkering ran, so the signal waits for review.
        var inkomstenSignaalId = (await uit.RecordInkomstenSignaalAsync(new RecordInkomstenSignaalRequest
        {
            ClientId = clientId, Period = Target.Day(-400)[..7], IncomeCents = 50_000,
        }, c.As(U("uitkeringsdeskundige")))).Signaal.SignaalId;
        await Eventually.Until(() => c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" }, c.As(U("teamleider"))).ResponseAsync,
            r => r.Klantbeeld.Beoordelingen.Count > 0, what: "the picture");

        return new Target(team, postcode, clientId, beoordelingId, aanvraagId, smzVerzoekId!, wbVerzoekId, trajectId, uitkeringId, voorschotId,
            bezwaarId, handoverId, handoverDossier.DossierId.ToString(), dossiers, terugbel)
        {
            SignaalId = signaalId, InkomstenSignaalId = inkomstenSignaalId,
        };
    }
}
