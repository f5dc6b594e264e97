using Grpc.Core;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using Uwv.Werkbedrijf.Data;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>Contacts, terugbelverzoeken and the dossier status history, shared by all divisions (shown here on Werkbedrijf and Uitkeren).</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ContactsAndDossierTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);
    private WerkbedrijfService.WerkbedrijfServiceClient Wb => _flow.Client.Werkbedrijf();
    private Metadata As(string user) => _flow.Client.As(user);

    [Fact]
    public async Task Terugbelverzoek_ForAWwQuestion_IsDueWithinFourOfficeHours_AndCompletingLogsTheCall()
    {
        var clientId = await _flow.NewClient();
        var uit = _flow.Client.Uitkeren();
        var t = (await uit.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Vraag over de WW-uitkering", WwQuestion = true }, As(Uitkeringsdeskundige))).Terugbelverzoek;
        var requested = DateTimeOffset.Parse(t.RequestedAt, System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset.Parse(t.DueAt, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(TerugbelTermijn.DueAt(requested, true, Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile()));
        t.Overdue.ShouldBeFalse();

        t = (await uit.CompleteTerugbelverzoekAsync(new() { TerugbelverzoekId = t.TerugbelverzoekId, ExpectedVersion = t.Version, Reached = true }, As(Uitkeringsdeskundige))).Terugbelverzoek;
        t.CompletedAt.ShouldNotBeEmpty();
        var again = await Fails(() => uit.CompleteTerugbelverzoekAsync(new() { TerugbelverzoekId = t.TerugbelverzoekId, ExpectedVersion = t.Version, Reached = true }, As(Uitkeringsdeskundige)).ResponseAsync);
        (again.StatusCode, again.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, "terugbelverzoek-open"));
        var stale = await Fails(() => uit.CompleteTerugbelverzoekAsync(new() { TerugbelverzoekId = t.TerugbelverzoekId, ExpectedVersion = 1, Reached = true }, As(Uitkeringsdeskundige)).ResponseAsync);
        stale.StatusCode.ShouldBe(StatusCode.Aborted);

        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Terugbelverzoeken.Count == 1 && k.Terugbelverzoeken[0].CompletedAt != "" && k.Contacts.Count == 1,
            "the completed terugbelverzoek and its call");
        picture.Terugbelverzoeken[0].WwQuestion.ShouldBeTrue();
        picture.Contacts[0].Subject.ShouldContain("Vraag over de WW-uitkering");
    }

    [Fact]
    public async Task OverdueTerugbelverzoeken_AreListedForTheirTeamOnly_EarliestFirst()
    {
        var clientId = await _flow.NewClient();
        var now = DateTimeOffset.UtcNow;
        await platform.InScope<WerkbedrijfDbContext, int>(db =>
        {
            // Created a day and a half ago (arranged in the database: the clock of the platform is the real one).
            foreach (var hoursLate in new[] { 12, 36 })
            {
                db.Terugbelverzoeken.Add(new TerugbelverzoekRecord
                {
                    TerugbelverzoekId = Guid.NewGuid(), ClientId = Guid.Parse(clientId), Division = DivisionCode.Werkbedrijf, AreaTeam = "arnhem-noord",
                    Subject = $"Te laat {hoursLate}", RequestedAt = now.AddHours(-24 - hoursLate), RequestedBy = AdviseurWerk, DueAt = now.AddHours(-hoursLate), Version = 1,
                });
            }
            return db.SaveChangesAsync();
        });
        var fresh = (await Wb.CreateTerugbelverzoekAsync(new() { ClientId = clientId, Subject = "Nieuw" }, As(AdviseurWerk))).Terugbelverzoek;

        var overdue = (await Wb.ListOverdueTerugbelverzoekenAsync(new() { PageSize = 100 }, As(AdviseurWerk))).Terugbelverzoeken.Where(t => t.ClientId == clientId).ToList();
        overdue.Select(t => t.Subject).ShouldBe(["Te laat 36", "Te laat 12"]);
        overdue.ShouldAllBe(t => t.Overdue);
        overdue.ShouldNotContain(t => t.TerugbelverzoekId == fresh.TerugbelverzoekId);
        (await Wb.ListOverdueTerugbelverzoekenAsync(new() { PageSize = 100 }, As("adviseur-werk.arnhem-zuid"))).Terugbelverzoeken.ShouldNotContain(t => t.ClientId == clientId);
    }

    [Fact]
    public async Task DossierStatus_EveryChangeIsAHistoryRow_AndAClosedDossierStaysClosed()
    {
        var clientId = await _flow.NewClient();
        var d = (await Wb.OpenDossierAsync(new() { ClientId = clientId }, As(AdviseurWerk))).Dossier;
        d = (await Wb.ChangeDossierStatusAsync(new() { DossierId = d.DossierId, ExpectedVersion = d.Version, Status = "in-behandeling", Reason = "Intake gedaan" }, As(AdviseurWerk))).Dossier;
        d = (await Wb.ChangeDossierStatusAsync(new() { DossierId = d.DossierId, ExpectedVersion = d.Version, Status = "closed", Reason = "Cliënt werkt weer" }, As(AdviseurWerk))).Dossier;
        var reopen = await Fails(() => Wb.ChangeDossierStatusAsync(new() { DossierId = d.DossierId, ExpectedVersion = d.Version, Status = "open", Reason = "toch" }, As(AdviseurWerk)).ResponseAsync);
        reopen.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe("dossier-closed");

        var read = await Wb.GetDossierAsync(new() { DossierId = d.DossierId }, As(AdviseurWerk));
        read.History.Select(h => (h.FromStatus, h.ToStatus)).ShouldBe([("", "open"), ("open", "in-behandeling"), ("in-behandeling", "closed")]);
        read.History.ShouldAllBe(h => h.ChangedBy == AdviseurWerk && h.Reason != "");
        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Dossiers.Any(x => x.DossierId == d.DossierId && x.Status == "closed"), "the closed dossier", AdviseurWerk);
        picture.Dossiers.ShouldContain(x => x.DossierId == d.DossierId);
    }

    [Fact]
    public async Task Contact_LoggedInOneDivision_IsInTheKlantbeeldForEveryone()
    {
        var clientId = await _flow.NewClient();
        var c = (await _flow.Client.BezwaarBeroep().LogContactAsync(new()
        {
            ClientId = clientId, Channel = ContactChannel.Phone, Subject = "Uitleg over de hoorzitting", Reached = true, ContactAt = "2026-11-20T10:15:00+01:00",
        }, As(Jurist))).Contact;
        c.LoggedBy.ShouldBe(Jurist);
        var picture = await _flow.KlantbeeldUntil(clientId, k => k.Contacts.Count == 1, "the contact", Uitkeringsdeskundige);
        (picture.Contacts[0].Division, picture.Contacts[0].Channel, picture.Contacts[0].ContactAt).ShouldBe(
            (Uwv.Contracts.Common.V1.Division.BezwaarBeroep, "telefoon", "2026-11-20T09:15:00.0000000+00:00"));
    }
}
