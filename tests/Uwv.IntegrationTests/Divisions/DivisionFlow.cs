using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Smz.Data;
using Uwv.Testing;
using Uwv.Uitkeren.Data;
using Uwv.Werkbedrijf.Data;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>What the division tests share: the demo users, the clients, and "nothing written" counters per division database.</summary>
public sealed class DivisionFlow(EmbeddedPlatformFixture platform)
{
    public const string Arts = "verzekeringsarts.arnhem-noord";
    public const string Procesbegeleider = "procesbegeleider.arnhem-noord";
    public const string Arbeidsdeskundige = "arbeidsdeskundige.arnhem-noord";
    public const string AdviseurWerk = "adviseur-werk.arnhem-noord";
    public const string Uitkeringsdeskundige = "uitkeringsdeskundige.arnhem-noord";
    public const string Jurist = "jurist.arnhem-noord";
    public const string Teamleider = "teamleider.arnhem-noord";
    public const string JuristZuid = "jurist.arnhem-zuid";
    public const string Manager = "manager";

    public PlatformClient Client => platform.Client;

    public Task<string> NewClient(string name = "Karin Jansen") => Client.NewClientAsync(Arts, name);

    public async Task<Contracts.Klantbeeld.V1.Klantbeeld> Klantbeeld(string clientId, string asUser = Jurist) =>
        (await Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "test" }, Client.As(asUser))).Klantbeeld;

    public Task<Contracts.Klantbeeld.V1.Klantbeeld> KlantbeeldUntil(string clientId, Func<Contracts.Klantbeeld.V1.Klantbeeld, bool> done, string what, string asUser = Jurist) =>
        Eventually.Until(() => Klantbeeld(clientId, asUser), done, what: what);

    /// <summary>Every inkomsten signal waiting for review on the worklist of <paramref name="user"/>'s team, all pages.</summary>
    public async Task<List<Contracts.Uitkeren.V1.InkomstenSignaal>> InkomstenTeBeoordelen(string user)
    {
        var all = new List<Contracts.Uitkeren.V1.InkomstenSignaal>();
        var token = "";
        do
        {
            var page = await Client.Uitkeren().ListInkomstenSignalenTeBeoordelenAsync(new() { PageSize = 100, PageToken = token }, Client.As(user));
            all.AddRange(page.Signalen);
            token = page.NextPageToken;
        }
        while (token != "");
        return all;
    }

    public static async Task<RpcException> Fails(Func<Task> call) => await Should.ThrowAsync<RpcException>(call);

    /// <summary>
    /// Everything the division databases hold about one client: its rows in every table (and the rows hanging off them),
    /// the versions of its versioned rows, and the outbox events naming it. Equal before and after a refused call proves
    /// nothing was written or published for the client, whatever else the platform is doing meanwhile.
    /// </summary>
    public async Task<string> WritesFor(string clientId)
    {
        var id = Guid.Parse(clientId);
        return string.Join(" ; ",
            await Shared<SmzDbContext>(id, async db => $"{await db.Beoordelingen.CountAsync(b => b.ClientId == id)}/"
                + $"{await db.Herkeuringsaanvragen.Where(h => h.ClientId == id).SumAsync(h => h.Version)}/"
                + $"{await db.Wga80100Monitoring.CountAsync(w => w.ClientId == id)}/"
                + $"{await db.Herbeoordelingsverzoeken.Where(v => v.ClientId == id).SumAsync(v => v.Version)}"),
            await Shared<WerkbedrijfDbContext>(id, async db =>
            {
                var trajecten = db.Trajecten.Where(t => t.ClientId == id).Select(t => t.TrajectId);
                return $"{await db.Trajecten.Where(t => t.ClientId == id).SumAsync(t => t.Version)}/"
                    + $"{await db.TrajectItems.CountAsync(i => trajecten.Contains(i.TrajectId))}/"
                    + $"{await db.TrajectPhaseChanges.CountAsync(c => trajecten.Contains(c.TrajectId))}/"
                    + $"{await db.Herbeoordelingsverzoeken.CountAsync(v => v.ClientId == id)}";
            }),
            await Shared<UitkerenDbContext>(id, async db =>
            {
                var signalen = db.InkomstenSignalen.Where(s => s.ClientId == id).Select(s => s.SignaalId);
                return $"{await db.Uitkeringen.Where(u => u.ClientId == id).SumAsync(u => u.Version)}/"
                    + $"{await db.Voorschotten.Where(v => v.ClientId == id).SumAsync(v => v.Version)}/"
                    + $"{await db.Terugvorderingen.CountAsync(t => t.ClientId == id)}/{await signalen.CountAsync()}/"
                    + $"{await db.Verrekeningen.CountAsync(v => signalen.Contains(v.SignaalId))}";
            }),
            await Shared<BezwaarBeroepDbContext>(id, async db => $"{await db.Bezwaren.Where(b => b.ClientId == id).SumAsync(b => b.Version)}"));
    }

    /// <summary>The norm sweeper's own events: it warns and escalates on its own clock, not because of a call.</summary>
    private static readonly string[] SweptEvents = [nameof(Contracts.Events.NormDeadlineWarned), nameof(Contracts.Events.NormDeadlineEscalated)];

    private Task<string> Shared<TContext>(Guid id, Func<TContext, Task<string>> own) where TContext : DivisionDbContext =>
        platform.InScope<TContext, string>(async db =>
        {
            var dossiers = db.Dossiers.Where(d => d.ClientId == id).Select(d => d.DossierId);
            var mention = id.ToString();
            return $"{await own(db)}|{await db.Dossiers.Where(d => d.ClientId == id).SumAsync(d => d.Version)}/"
                + $"{await db.DossierStatusChanges.CountAsync(h => dossiers.Contains(h.DossierId))}/{await db.Contacts.CountAsync(c => c.ClientId == id)}/"
                + $"{await db.Terugbelverzoeken.Where(t => t.ClientId == id).SumAsync(t => t.Version)}|"
                + $"{await db.OutboxMessages.CountAsync(m => m.Payload.Contains(mention) && !SweptEvents.Contains(m.MessageType))}";
        });
}
