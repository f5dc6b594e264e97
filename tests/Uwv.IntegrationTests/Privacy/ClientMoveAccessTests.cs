using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Handover.Data;
using Uwv.Smz.Data;
using Uwv.Testing;
using Uwv.Uitkeren.Data;
using Uwv.Werkbedrijf.Data;
using Bb = Uwv.Contracts.BezwaarBeroep.V1;
using Casework = Uwv.Contracts.Casework.V1;
using Division = Uwv.Contracts.Common.V1.Division;
using Uit = Uwv.Contracts.Uitkeren.V1;
using Wb = Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.IntegrationTests.Privacy;

/// <summary>
/// Access follows the client: after a move, every piece of the client's work, open or finished, is served to the new
/// area team and refused to the former team, and it leaves the former team's worklists for the new team's.
/// The "former team" column of the access picture: the same employee who could read yesterday is refused today.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientMoveAccessTests(EmbeddedPlatformFixture platform)
{
    private const string Former = "arnhem-noord";
    private const string New = "arnhem-zuid";

    private PlatformClient C => platform.Client;

    private static string User(string role, string team) => $"{role}.{team}";

    /// <summary>One read method: its name, the role that uses it, and the call for a given user.</summary>
    private sealed record Read(string Name, string Role, Func<Metadata, Task> Call);

    [Fact]
    public async Task ClientMove_WithWorkOfEveryKind_ServesAllOfItToTheNewTeam_AndRefusesTheFormerTeam_OnEveryReadMethod()
    {
        var work = await WorkOfEveryKindInFormerTeam();
        var reads = ReadsOf(work);
        foreach (var read in reads)
        {
            await read.Call(C.As(User(read.Role, Former)));
        }

        var moved = await C.Klantbeeld.MoveClientAsync(
            new MoveClientRequest { ClientId = work.ClientId, NewPostcode = TestData.ZuidPostcode }, C.As(User("procesbegeleider", Former)));
        (moved.OldAreaTeam, moved.NewAreaTeam).ShouldBe((Former, New));

        foreach (var read in reads)
        {
            await Eventually.Until(async () => { await read.Call(C.As(User(read.Role, New))); return true; }, ok => ok,
                what: $"{read.Name} served to the new team");
            var refused = await Should.ThrowAsync<RpcException>(() => read.Call(C.As(User(read.Role, Former))), read.Name);
            refused.StatusCode.ShouldBe(StatusCode.PermissionDenied, read.Name);
        }

        // The new team sees the signalen that travelled with the client, on the open and the accepted handover alike.
        foreach (var handoverId in new[] { work.AcceptedHandoverId, work.OpenHandoverId })
        {
            var seen = (await C.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = handoverId }, C.As(User("adviseur-werk", New)))).Handover;
            seen.Signalen.ShouldHaveSingleItem().Note.ShouldBe("Schulden, wil graag vaste contactpersoon");
        }
    }

    [Fact]
    public async Task ClientMove_WithWorkOfEveryKind_MovesItFromTheFormerTeamsWorklistsAndTeamListsToTheNewTeams()
    {
        var work = await WorkOfEveryKindInFormerTeam();
        await C.Klantbeeld.MoveClientAsync(
            new MoveClientRequest { ClientId = work.ClientId, NewPostcode = TestData.ZuidPostcode }, C.As(User("procesbegeleider", Former)));

        var lists = new (string Name, string Role, Func<Metadata, Task<bool>> Lists)[]
        {
            ("klantbeeld ListWorklist", "procesbegeleider", async m => (await Worklist(m)).Any(i => i.ClientId == work.ClientId)),
            ("smz ListWga80100ContactsDue", "procesbegeleider", async m => (await Pages(async t =>
            {
                var r = await C.Smz.ListWga80100ContactsDueAsync(new() { WithinDays = 366, PageSize = 100, PageToken = t }, m);
                return (r.Contacts.Select(x => x.ClientId), r.NextPageToken);
            })).Contains(work.ClientId)),
            ("smz ListHerbeoordelingsverzoeken", "procesbegeleider", async m => (await Pages(async t =>
            {
                var r = await C.Smz.ListHerbeoordelingsverzoekenAsync(new() { PageSize = 100, PageToken = t }, m);
                return (r.Verzoeken.Select(x => x.VerzoekId), r.NextPageToken);
            })).Contains(work.VerzoekId)),
            ("werkbedrijf ListHerbeoordelingsverzoeken", "adviseur-werk", async m => (await Pages(async t =>
            {
                var r = await C.Werkbedrijf().ListHerbeoordelingsverzoekenAsync(new() { PageSize = 100, PageToken = t }, m);
                return (r.Verzoeken.Select(x => x.VerzoekId), r.NextPageToken);
            })).Contains(work.VerzoekId)),
            ("bezwaarberoep ListBezwaarDeadlines", "jurist", async m => (await Pages(async t =>
            {
                var r = await C.BezwaarBeroep().ListBezwaarDeadlinesAsync(new() { PageSize = 100, PageToken = t }, m);
                return (r.Bezwaren.Select(x => x.BezwaarId), r.NextPageToken);
            })).Contains(work.BezwaarId)),
        };
        foreach (var (name, role, listed) in lists)
        {
            await Eventually.Until(() => listed(C.As(User(role, New))), yes => yes, what: $"{name} of the new team to list the client's work");
            (await listed(C.As(User(role, Former)))).ShouldBeFalse($"{name} of the former team still lists the client's work");
        }

        // The work behind the lists that only show late or overdue items: every row of the client names the new team.
        var id = Guid.Parse(work.ClientId);
        await Eventually.Until(() => TeamsOfClientRows(id), teams => teams.All(t => t == New), what: "every row of the client in the new team");
    }

    [Fact]
    public async Task GetClient_ForAnEmployeeOfAnotherTeam_IsPermissionDenied()
    {
        var clientId = await C.NewClientAsync(User("procesbegeleider", Former));
        (await C.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = clientId }, C.As(User("jurist", Former)))).Client.AreaTeam.ShouldBe(Former);
        var refused = await Should.ThrowAsync<RpcException>(() =>
            C.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = clientId }, C.As(User("jurist", New))).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task GetKlantbeeld_AfterAMove_IsRefusedToTheFormerTeam_FromTheMomentTheRegisterRecordsIt()
    {
        var clientId = await C.NewClientAsync(User("procesbegeleider", Former));
        await Eventually.Until(() => Picture(clientId, User("procesbegeleider", Former)), p => p.ClientId == clientId, what: "the picture");
        await C.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = clientId, NewPostcode = TestData.ZuidPostcode }, C.As(User("procesbegeleider", Former)));
        // No waiting: the register decides, not the projection that follows the event.
        (await Should.ThrowAsync<RpcException>(() => Picture(clientId, User("procesbegeleider", Former)))).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Picture(clientId, User("procesbegeleider", New))).ClientId.ShouldBe(clientId);
    }

    private sealed record ClientWorkIds(
        string ClientId, string SmzDossierId, string WerkbedrijfDossierId, string UitkerenDossierId, string BezwaarDossierId,
        string BeoordelingId, string TrajectId, string VerzoekId, string VoorschotId, string BezwaarId,
        string AcceptedHandoverId, string OpenHandoverId);

    private List<Read> ReadsOf(ClientWorkIds w) =>
    [
        new("klantbeeld GetKlantbeeld", "procesbegeleider", m => C.Klantbeeld.GetKlantbeeldAsync(
            new GetKlantbeeldRequest { ClientId = w.ClientId, Purpose = "dossierbehandeling" }, m).ResponseAsync),
        new("klantbeeld GetClient", "procesbegeleider", m => C.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = w.ClientId }, m).ResponseAsync),
        new("smz GetDossier (closed)", "verzekeringsarts", m => C.Smz.GetDossierAsync(new() { DossierId = w.SmzDossierId }, m).ResponseAsync),
        new("smz GetBeoordeling", "verzekeringsarts", m => C.Smz.GetBeoordelingAsync(
            new GetBeoordelingRequest { BeoordelingId = w.BeoordelingId, Purpose = "beoordeling" }, m).ResponseAsync),
        new("werkbedrijf GetDossier", "adviseur-werk", m => C.Werkbedrijf().GetDossierAsync(new() { DossierId = w.WerkbedrijfDossierId }, m).ResponseAsync),
        new("werkbedrijf GetTraject", "adviseur-werk", m => C.Werkbedrijf().GetTrajectAsync(new() { TrajectId = w.TrajectId }, m).ResponseAsync),
        new("werkbedrijf GetHerbeoordelingsverzoek", "adviseur-werk", m => C.Werkbedrijf().GetHerbeoordelingsverzoekAsync(
            new() { VerzoekId = w.VerzoekId }, m).ResponseAsync),
        new("uitkeren GetDossier", "uitkeringsdeskundige", m => C.Uitkeren().GetDossierAsync(new() { DossierId = w.UitkerenDossierId }, m).ResponseAsync),
        new("uitkeren ListUitkeringen", "uitkeringsdeskundige", m => C.Uitkeren().ListUitkeringenAsync(new() { ClientId = w.ClientId }, m).ResponseAsync),
        new("uitkeren GetVoorschot", "uitkeringsdeskundige", m => C.Uitkeren().GetVoorschotAsync(new() { VoorschotId = w.VoorschotId }, m).ResponseAsync),
        new("uitkeren ListInkomstenSignalen", "uitkeringsdeskundige", m => C.Uitkeren().ListInkomstenSignalenAsync(new() { ClientId = w.ClientId }, m).ResponseAsync),
        new("uitkeren ListTerugvorderingen", "uitkeringsdeskundige", m => C.Uitkeren().ListTerugvorderingenAsync(new() { ClientId = w.ClientId }, m).ResponseAsync),
        new("bezwaarberoep GetDossier", "jurist", m => C.BezwaarBeroep().GetDossierAsync(new() { DossierId = w.BezwaarDossierId }, m).ResponseAsync),
        new("bezwaarberoep GetBezwaar", "jurist", m => C.BezwaarBeroep().GetBezwaarAsync(new() { BezwaarId = w.BezwaarId }, m).ResponseAsync),
        new("bezwaarberoep GetDwangsomExposure", "jurist", m => C.BezwaarBeroep().GetDwangsomExposureAsync(new() { BezwaarId = w.BezwaarId }, m).ResponseAsync),
        new("handover GetHandover (accepted)", "adviseur-werk", m => C.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = w.AcceptedHandoverId }, m).ResponseAsync),
        new("handover GetHandover (open)", "adviseur-werk", m => C.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = w.OpenHandoverId }, m).ResponseAsync),
    ];

    /// <summary>
    /// A client of the former team with work of every kind: a closed SMZ dossier and an accepted handover to Werkbedrijf,
    /// a beoordeling in WGA 80-100 (yearly monitoring), a herkeuringsaanvraag, contacts and terugbelverzoeken, a traject,
    /// a herbeoordelingsverzoek, an uitkering, a voorschot, a terugvordering, a bezwaar, a signaal and an open handover.
    /// </summary>
    private async Task<ClientWorkIds> WorkOfEveryKindInFormerTeam()
    {
        var arts = C.As(User("verzekeringsarts", Former));
        var procesbegeleider = C.As(User("procesbegeleider", Former));
        var adviseur = C.As(User("adviseur-werk", Former));
        var uitkeringsdeskundige = C.As(User("uitkeringsdeskundige", Former));
        var jurist = C.As(User("jurist", Former));
        var clientId = await C.NewClientAsync(User("procesbegeleider", Former), "Mirjam de Wit");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var beoordeling = await C.Smz.RecordBeoordelingAsync(new RecordBeoordelingRequest
        {
            ClientId = clientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._80100Wga,
            FmlSummary = "Beperkt belastbaar", DecisionDate = Day(-10),
        }, arts);
        await C.Smz.RegisterHerkeuringsaanvraagAsync(new RegisterHerkeuringsaanvraagRequest { ClientId = clientId, ReceivedOn = Day(0) }, procesbegeleider);
        await C.Smz.LogContactAsync(new() { ClientId = clientId, Channel = Casework.ContactChannel.Phone, Subject = "Uitslag besproken", Reached = true }, procesbegeleider);
        await C.Smz.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Vraag over FML" }, procesbegeleider);

        // SMZ to Werkbedrijf: accepted, so the SMZ dossier is closed and Werkbedrijf's is open.
        var id = Guid.Parse(clientId);
        var smzDossier = (await Eventually.Until(
            () => platform.InScope<HandoverDbContext, DossierOwnership?>(db => db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.ClientId == id)),
            d => d is not null, what: "the handover service to learn the SMZ dossier"))!.DossierId.ToString();
        var handover = (await C.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            ClientId = clientId, DossierId = smzDossier, FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Re-integratie",
        }, procesbegeleider)).Handover;
        await C.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
        {
            HandoverId = handover.HandoverId, Outcome = NazorgOutcome.Reached, UnderstandsOutcome = true, KnowsNextSteps = true,
        }, procesbegeleider);
        var transferred = (await C.Handover.TransferHandoverAsync(new TransferHandoverRequest { HandoverId = handover.HandoverId }, procesbegeleider)).Handover;
        await Eventually.Until(() => C.Werkbedrijf().GetDossierAsync(new() { DossierId = transferred.ReceivingDossierId }, adviseur).ResponseAsync,
            _ => true, what: "Werkbedrijf's dossier from the transfer");
        await Eventually.Until(
            () => platform.InScope<SmzDbContext, string>(db => db.Dossiers.Where(d => d.DossierId == Guid.Parse(smzDossier)).Select(d => d.Status).SingleAsync()),
            status => status == "closed", what: "SMZ to close its dossier");
        await C.Handover.AcceptHandoverAsync(new AcceptHandoverRequest { HandoverId = handover.HandoverId }, adviseur);
        await C.Handover.RecordSignaalAsync(new RecordSignaalRequest
        {
            ClientId = clientId, Factor = KwetsbaarheidFactor.FinancieleDruk, Note = "Schulden, wil graag vaste contactpersoon", ClientConsent = true,
        }, adviseur);

        var traject = (await C.Werkbedrijf().StartTrajectAsync(new() { ClientId = clientId }, adviseur)).Traject;
        var verzoek = (await C.Werkbedrijf().OpenHerbeoordelingsverzoekAsync(new() { ClientId = clientId, Reason = "Belastbaarheid lijkt veranderd" }, adviseur)).Verzoek;
        await Eventually.Until(() => platform.InScope<SmzDbContext, bool>(db => db.Herbeoordelingsverzoeken.AnyAsync(v => v.VerzoekId == Guid.Parse(verzoek.VerzoekId))),
            yes => yes, what: "SMZ to receive the herbeoordelingsverzoek");
        await C.Werkbedrijf().CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Vraag over traject" }, adviseur);

        var uitkering = (await C.Uitkeren().GrantUitkeringAsync(new()
        {
            ClientId = clientId, Type = Uit.UitkeringType.Ww, StartDate = Day(-60), MonthlyAmountCents = 90_000,
        }, uitkeringsdeskundige)).Uitkering;
        var voorschot = (await C.Uitkeren().OfferVoorschotAsync(new() { ClientId = clientId, MonthlyAmountCents = 50_000, WiaAanvraagOn = Day(0) }, uitkeringsdeskundige)).Voorschot;
        await C.Uitkeren().RecordTerugvorderingAsync(new()
        {
            ClientId = clientId, UitkeringId = uitkering.UitkeringId, AmountCents = 12_000, Reason = "Te veel betaald",
        }, uitkeringsdeskundige);

        var bezwaar = (await C.BezwaarBeroep().RegisterBezwaarAsync(new()
        {
            ClientId = clientId, DecisionDivision = Division.Uitkeren, DecisionReference = "UIT-2026-0099",
            DecisionSentOn = Day(-20), ReceivedOn = Day(-5), Grounds = "De hoogte klopt niet",
        }, jurist)).Bezwaar;

        // An open handover: Werkbedrijf asks Uitkeren to take the case on.
        var open = (await C.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            ClientId = clientId, DossierId = transferred.ReceivingDossierId, FromDivision = Division.Werkbedrijf, ToDivision = Division.Uitkeren,
            Reason = "Uitkering herzien na re-integratie",
        }, adviseur)).Handover;

        var uitkerenDossier = await platform.InScope<UitkerenDbContext, Guid>(db =>
            db.Dossiers.Where(d => d.ClientId == id).Select(d => d.DossierId).SingleAsync());
        return new ClientWorkIds(clientId, smzDossier, transferred.ReceivingDossierId, uitkerenDossier.ToString(), bezwaar.DossierId,
            beoordeling.BeoordelingId, traject.TrajectId, verzoek.VerzoekId, voorschot.VoorschotId, bezwaar.BezwaarId,
            handover.HandoverId, open.HandoverId);
    }

    private async Task<List<WorkItem>> Worklist(Metadata user)
    {
        var items = new List<WorkItem>();
        var token = "";
        do
        {
            var page = await C.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { PageSize = 100, PageToken = token }, user);
            items.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return items;
    }

    private static async Task<List<string>> Pages(Func<string, Task<(IEnumerable<string> Ids, string Next)>> page)
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var (found, next) = await page(token);
            ids.AddRange(found);
            token = next;
        }
        while (token.Length > 0);
        return ids;
    }

    private async Task<Uwv.Contracts.Klantbeeld.V1.Klantbeeld> Picture(string clientId, string user) =>
        (await C.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "klantcontact" }, C.As(user))).Klantbeeld;

    /// <summary>The team of every row of the client in every service: dossiers, contacts, terugbelverzoeken and each division's own work.</summary>
    private async Task<List<string>> TeamsOfClientRows(Guid id)
    {
        var teams = new List<string>();
        teams.AddRange(await platform.InScope<SmzDbContext, List<string>>(async db =>
            [.. await db.Dossiers.Where(d => d.ClientId == id).Select(d => d.OwnerTeam).ToListAsync(),
             .. await db.Contacts.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Terugbelverzoeken.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Herkeuringsaanvragen.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Wga80100Monitoring.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Herbeoordelingsverzoeken.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync()]));
        teams.AddRange(await platform.InScope<WerkbedrijfDbContext, List<string>>(async db =>
            [.. await db.Dossiers.Where(d => d.ClientId == id).Select(d => d.OwnerTeam).ToListAsync(),
             .. await db.Terugbelverzoeken.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Trajecten.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Herbeoordelingsverzoeken.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync()]));
        teams.AddRange(await platform.InScope<UitkerenDbContext, List<string>>(async db =>
            [.. await db.Dossiers.Where(d => d.ClientId == id).Select(d => d.OwnerTeam).ToListAsync(),
             .. await db.Uitkeringen.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Voorschotten.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync(),
             .. await db.Terugvorderingen.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync()]));
        teams.AddRange(await platform.InScope<BezwaarBeroepDbContext, List<string>>(async db =>
            [.. await db.Dossiers.Where(d => d.ClientId == id).Select(d => d.OwnerTeam).ToListAsync(),
             .. await db.Bezwaren.Where(x => x.ClientId == id).Select(x => x.AreaTeam).ToListAsync()]));
        teams.AddRange(await platform.InScope<HandoverDbContext, List<string>>(async db =>
            [.. await db.Dossiers.Where(d => d.ClientId == id).Select(d => d.Team).ToListAsync(),
             .. await db.Handovers.Where(x => x.ClientId == id).Select(x => x.Team).ToListAsync(),
             .. await db.Signalen.Where(x => x.ClientId == id).Select(x => x.Team).ToListAsync()]));
        return teams;
    }
}
