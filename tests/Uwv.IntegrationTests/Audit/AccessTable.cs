using Google.Protobuf;
using Google.Protobuf.Reflection;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Testing;
using Division = Uwv.Contracts.Common.V1.Division;
using BbV1 = Uwv.Contracts.BezwaarBeroep.V1;
using SmzV1 = Uwv.Contracts.Smz.V1;
using UitV1 = Uwv.Contracts.Uitkeren.V1;
using WbV1 = Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.IntegrationTests.Audit;

/// <summary>Whose area team a method checks.</summary>
public enum TeamRule
{
    /// <summary>The client's team must be the caller's (the record a request addresses, or its client_id).</summary>
    ClientsTeam,
    /// <summary>The method lists the caller's own team: no client, and the relation does not matter.</summary>
    CallersTeam,
    /// <summary>No team check (registering a client; the client directory; the platform's own administration).</summary>
    None,
    /// <summary>An aggregate: a manager sees every team, anyone else only their own.</summary>
    ManagerAnyTeam,
}

/// <summary>What a call must leave in the audit log.</summary>
public enum AuditShape
{
    /// <summary>A record naming the target client (or, refused by role, the client_id of the request if it has one).</summary>
    Client,
    /// <summary>A record naming the client the call created (any client).</summary>
    NewClient,
    /// <summary>A record without a client: a list of the caller's team, or an administrative action.</summary>
    NoClient,
    /// <summary>No record: the method touches no personal data (aggregates only).</summary>
    None,
}

/// <summary>
/// One row of the access table: which roles pass the authorization middleware, which of those the handler admits, whose
/// team is checked, the request sent, the audit record expected and the field groups an allowed call records.
/// </summary>
public sealed record AccessRow(
    MethodDescriptor Method,
    string[] Roles,
    string[] HandlerRoles,
    TeamRule Team,
    AuditShape Audit,
    Func<Target, IMessage> Request,
    Func<string, string> Fields,
    bool SentInvalid = false)
{
    public string Name => $"{Method.Service.Name}/{Method.Name}";

    /// <summary>The expected decision for a caller of <paramref name="role"/> and a client in <paramref name="relation"/> to the caller's team.</summary>
    public bool Allows(string role, TeamRelation relation) =>
        HandlerRoles.Contains(role) && Team switch
        {
            TeamRule.ClientsTeam => relation == TeamRelation.Own,
            TeamRule.ManagerAnyTeam => role == AccessTable.MA || relation == TeamRelation.Own,
            _ => true,
        };
}

/// <summary>
/// THE table: every method of every service × every role × own team / other team / the client's former team (a client
/// who moved away: treated as any other team). Written out by hand, not derived from
/// the production attributes, so that a change of policy must change this table too.
/// </summary>
public static class AccessTable
{
    public const string VA = "verzekeringsarts", AD = "arbeidsdeskundige", PB = "procesbegeleider", AW = "adviseur-werk",
        UD = "uitkeringsdeskundige", JU = "jurist", TL = "teamleider", MA = "manager", PO = "privacy-officer", BH = "beheerder";

    public static readonly string[] AllRoles = [VA, AD, PB, AW, UD, JU, TL, MA, PO, BH];
    private static readonly string[] CaseWorkers = [VA, AD, PB, AW, UD, JU, TL];
    private static readonly string[] SmzRoles = [VA, AD, PB, TL];
    private static readonly string[] WbRoles = [AW, AD, TL];
    private static readonly string[] UitRoles = [UD, TL];
    private static readonly string[] BbRoles = [JU, TL];
    // The handover's sending side here is SMZ, the receiving side Werkbedrijf (by the division in the token).
    private static readonly string[] Sender = [VA, AD, PB, TL];
    private static readonly string[] Receiver = [AW, TL];

    private const string HandoverAll = "handover,nazorg,signalen,open-questions,return-reason";
    private const string Picture = "address,beoordelingen,bsn,divisions,dossiers,handovers,person";

    public static IReadOnlyList<AccessRow> Rows { get; } = Build();

    private static Func<string, string> F(string fields) => _ => fields;

    private static IReadOnlyList<AccessRow> Build()
    {
        var rows = new List<AccessRow>();
        void Add(ServiceDescriptor service, string method, string[] roles, TeamRule team, AuditShape audit, Func<Target, IMessage> request,
            string fields, string[]? handlerRoles = null, Func<string, string>? fieldsFor = null, bool sentInvalid = false) =>
            rows.Add(new AccessRow(service.FindMethodByName(method) ?? throw new ArgumentException($"{service.Name} has no {method}"),
                roles, handlerRoles ?? roles, team, audit, request, fieldsFor ?? F(fields), sentInvalid));

        var kb = KlantbeeldService.Descriptor;
        Add(kb, "RegisterClient", CaseWorkers, TeamRule.None, AuditShape.NewClient,
            t => new RegisterClientRequest { Bsn = TestData.NewBsn(), Name = "Matrix Nieuw", DateOfBirth = "1980-01-01", Postcode = t.Postcode }, "person,address,bsn");
        Add(kb, "GetClient", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client, t => new GetClientRequest { ClientId = t.ClientId }, "address");
        Add(kb, "MoveClient", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client, t => new MoveClientRequest { ClientId = t.ClientId, NewPostcode = t.Postcode }, "address");
        Add(kb, "ListWorklist", CaseWorkers, TeamRule.CallersTeam, AuditShape.NoClient, _ => new ListWorklistRequest { PageSize = 5 }, "worklist");
        // A look-up that finds nobody: the record names no client (the privacy officer searches every team; the rest their own).
        Add(kb, "SearchClients", [.. CaseWorkers, PO], TeamRule.None, AuditShape.NoClient, _ => new SearchClientsRequest { Query = "Matrix Niemand Zoekt" }, "person");
        Add(kb, "ListAuditEntries", [PO], TeamRule.None, AuditShape.NoClient, _ => new ListAuditEntriesRequest { PageSize = 1 }, "audit-log");
        // Sent without a reason on purpose: the beheerder passes the access check and is refused INVALID_ARGUMENT, so the
        // test does not clear the read model under the other tests.
        Add(kb, "RebuildKlantbeeld", [BH], TeamRule.None, AuditShape.NoClient, _ => new RebuildKlantbeeldRequest(), "klantbeeld-rebuild", sentInvalid: true);
        Add(kb, "GetKlantbeeld", AllRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetKlantbeeldRequest { ClientId = t.ClientId, Purpose = "dossierbehandeling" },
            Picture, handlerRoles: CaseWorkers);

        var smz = SmzService.Descriptor;
        Add(smz, "OpenDossier", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new SmzV1.OpenDossierRequest { ClientId = t.ClientId }, "smz");
        Add(smz, "GetDossier", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new SmzV1.GetDossierRequest { DossierId = t.DossierIds["smz"] }, "smz");
        Add(smz, "ChangeDossierStatus", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new SmzV1.ChangeDossierStatusRequest { DossierId = t.DossierIds["smz"], ExpectedVersion = 1, Status = "in-behandeling", Reason = "Matrix" }, "smz");
        Add(smz, "AssignDossierToMe", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new SmzV1.AssignDossierToMeRequest { DossierId = t.DossierIds["smz"], ExpectedVersion = 1 }, "smz");
        Add(smz, "LogContact", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new SmzV1.LogContactRequest { ClientId = t.ClientId, Channel = ContactChannel.Phone, Subject = "Matrix", Reached = true }, "smz");
        Add(smz, "CreateTerugbelverzoek", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new SmzV1.CreateTerugbelverzoekRequest { ClientId = t.ClientId, Subject = "Matrix" }, "smz");
        Add(smz, "CompleteTerugbelverzoek", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new SmzV1.CompleteTerugbelverzoekRequest { TerugbelverzoekId = t.TerugbelverzoekIds["smz"], ExpectedVersion = 1, Reached = true }, "smz");
        Add(smz, "ListOverdueTerugbelverzoeken", SmzRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new SmzV1.ListOverdueTerugbelverzoekenRequest { PageSize = 5 }, "smz");
        Add(smz, "RecordBeoordeling", [VA, AD], TeamRule.ClientsTeam, AuditShape.Client, t => new RecordBeoordelingRequest
        {
            ClientId = t.ClientId, Type = BeoordelingType.Ziektewet, AoKlasse = AoKlasse._3580, AoPercentage = 40, FmlSummary = "Matrix", DecisionDate = Target.Today,
        }, "beoordeling,medical");
        // Medical notes only for the medical role: the record names the field group actually returned.
        Add(smz, "GetBeoordeling", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetBeoordelingRequest { BeoordelingId = t.BeoordelingId, Purpose = "beoordeling" }, "",
            fieldsFor: role => role == VA ? "beoordeling,medical" : "beoordeling");
        Add(smz, "RegisterHerkeuringsaanvraag", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RegisterHerkeuringsaanvraagRequest { ClientId = t.ClientId, ReceivedOn = Target.Today }, "smz");
        Add(smz, "GetHerkeuringsaanvraag", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetHerkeuringsaanvraagRequest { AanvraagId = t.AanvraagId }, "smz");
        Add(smz, "RecordHerkeuringCall", [PB, TL], TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordHerkeuringCallRequest { AanvraagId = t.AanvraagId, ExpectedVersion = 1, CalledOn = Target.Today, Reached = false }, "smz");
        Add(smz, "ListLateHerkeuringCalls", SmzRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new ListLateHerkeuringCallsRequest { PageSize = 5 }, "smz");
        Add(smz, "ListWga80100ContactsDue", SmzRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new ListWga80100ContactsDueRequest { PageSize = 5 }, "smz");
        Add(smz, "GetReintegratieOwner", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new GetReintegratieOwnerRequest { ClientId = t.ClientId }, "reintegratie-owner");
        Add(smz, "RecordReintegratieNotNeeded", [TL], TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordReintegratieNotNeededRequest { ClientId = t.ClientId, Reason = "Matrix" }, "reintegratie-owner");
        Add(smz, "ListHerbeoordelingsverzoeken", SmzRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new SmzV1.ListHerbeoordelingsverzoekenRequest { PageSize = 5 }, "smz");
        Add(smz, "PickUpHerbeoordelingsverzoek", SmzRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new PickUpHerbeoordelingsverzoekRequest { VerzoekId = t.SmzVerzoekId, ExpectedVersion = 1 }, "smz");
        Add(smz, "AnswerHerbeoordelingsverzoek", [VA, AD, TL], TeamRule.ClientsTeam, AuditShape.Client,
            t => new AnswerHerbeoordelingsverzoekRequest { VerzoekId = t.SmzVerzoekId, ExpectedVersion = 2, BeoordelingId = t.BeoordelingId, Outcome = "Matrix" }, "smz");

        var wb = WerkbedrijfService.Descriptor;
        Add(wb, "OpenDossier", WbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new WbV1.OpenDossierRequest { ClientId = t.ClientId }, "werkbedrijf");
        Add(wb, "GetDossier", WbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new WbV1.GetDossierRequest { DossierId = t.DossierIds["werkbedrijf"] }, "werkbedrijf");
        Add(wb, "ChangeDossierStatus", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new WbV1.ChangeDossierStatusRequest { DossierId = t.DossierIds["werkbedrijf"], ExpectedVersion = 1, Status = "in-behandeling", Reason = "Matrix" }, "werkbedrijf");
        Add(wb, "AssignDossierToMe", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new WbV1.AssignDossierToMeRequest { DossierId = t.DossierIds["werkbedrijf"], ExpectedVersion = 1 }, "werkbedrijf");
        Add(wb, "LogContact", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new WbV1.LogContactRequest { ClientId = t.ClientId, Channel = ContactChannel.Phone, Subject = "Matrix", Reached = true }, "werkbedrijf");
        Add(wb, "CreateTerugbelverzoek", WbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new WbV1.CreateTerugbelverzoekRequest { ClientId = t.ClientId, Subject = "Matrix" }, "werkbedrijf");
        Add(wb, "CompleteTerugbelverzoek", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new WbV1.CompleteTerugbelverzoekRequest { TerugbelverzoekId = t.TerugbelverzoekIds["werkbedrijf"], ExpectedVersion = 1, Reached = true }, "werkbedrijf");
        Add(wb, "ListOverdueTerugbelverzoeken", WbRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new WbV1.ListOverdueTerugbelverzoekenRequest { PageSize = 5 }, "werkbedrijf");
        Add(wb, "StartTraject", WbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new StartTrajectRequest { ClientId = t.ClientId }, "werkbedrijf");
        Add(wb, "GetTraject", WbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetTrajectRequest { TrajectId = t.TrajectId }, "werkbedrijf");
        Add(wb, "AdvanceTrajectPhase", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new AdvanceTrajectPhaseRequest { TrajectId = t.TrajectId, ExpectedVersion = 1, Phase = TrajectPhase.Verkennen, Note = "Matrix" }, "werkbedrijf");
        Add(wb, "RecordDoel", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordDoelRequest { TrajectId = t.TrajectId, ExpectedVersion = 1, Description = "Matrix" }, "werkbedrijf");
        Add(wb, "RecordAfspraak", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordAfspraakRequest { TrajectId = t.TrajectId, ExpectedVersion = 1, Description = "Matrix", DueOn = Target.Day(30) }, "werkbedrijf");
        Add(wb, "OpenHerbeoordelingsverzoek", WbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new OpenHerbeoordelingsverzoekRequest { ClientId = t.ClientId, Reason = "Matrix" }, "werkbedrijf");
        Add(wb, "GetHerbeoordelingsverzoek", WbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetHerbeoordelingsverzoekRequest { VerzoekId = t.WbVerzoekId }, "werkbedrijf");
        Add(wb, "ListHerbeoordelingsverzoeken", WbRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new WbV1.ListHerbeoordelingsverzoekenRequest { PageSize = 5 }, "werkbedrijf");
        Add(wb, "CountHerbeoordelingsverzoeken", [AW, AD, TL, MA], TeamRule.ManagerAnyTeam, AuditShape.None,
            t => new CountHerbeoordelingsverzoekenRequest { AreaTeam = t.Team }, "");

        var uit = UitkerenService.Descriptor;
        Add(uit, "OpenDossier", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new UitV1.OpenDossierRequest { ClientId = t.ClientId }, "uitkeren");
        Add(uit, "GetDossier", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new UitV1.GetDossierRequest { DossierId = t.DossierIds["uitkeren"] }, "uitkeren");
        Add(uit, "ChangeDossierStatus", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new UitV1.ChangeDossierStatusRequest { DossierId = t.DossierIds["uitkeren"], ExpectedVersion = 1, Status = "in-behandeling", Reason = "Matrix" }, "uitkeren");
        Add(uit, "AssignDossierToMe", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new UitV1.AssignDossierToMeRequest { DossierId = t.DossierIds["uitkeren"], ExpectedVersion = 1 }, "uitkeren");
        Add(uit, "LogContact", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new UitV1.LogContactRequest { ClientId = t.ClientId, Channel = ContactChannel.Phone, Subject = "Matrix", Reached = true }, "uitkeren");
        Add(uit, "CreateTerugbelverzoek", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new UitV1.CreateTerugbelverzoekRequest { ClientId = t.ClientId, Subject = "Matrix" }, "uitkeren");
        Add(uit, "CompleteTerugbelverzoek", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new UitV1.CompleteTerugbelverzoekRequest { TerugbelverzoekId = t.TerugbelverzoekIds["uitkeren"], ExpectedVersion = 1, Reached = true }, "uitkeren");
        Add(uit, "ListOverdueTerugbelverzoeken", UitRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new UitV1.ListOverdueTerugbelverzoekenRequest { PageSize = 5 }, "uitkeren");
        Add(uit, "GrantUitkering", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GrantUitkeringRequest
        {
            ClientId = t.ClientId, Type = UitkeringType.WiaWga, StartDate = Target.Today, MonthlyAmountCents = 50_000,
        }, "uitkeren");
        Add(uit, "EndUitkering", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new EndUitkeringRequest { UitkeringId = t.UitkeringId, ExpectedVersion = 1, EndDate = Target.Day(30) }, "uitkeren");
        Add(uit, "ListUitkeringen", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new ListUitkeringenRequest { ClientId = t.ClientId }, "uitkeren");
        Add(uit, "OfferVoorschot", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new OfferVoorschotRequest { ClientId = t.ClientId, MonthlyAmountCents = 100_000, WiaAanvraagOn = Target.Day(-20) }, "uitkeren");
        Add(uit, "GetVoorschot", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetVoorschotRequest { VoorschotId = t.VoorschotId }, "uitkeren");
        Add(uit, "RecordVoorschotBelpoging", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordVoorschotBelpogingRequest { VoorschotId = t.VoorschotId, ExpectedVersion = 1, Reached = false }, "uitkeren");
        Add(uit, "StartVoorschot", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new StartVoorschotRequest { VoorschotId = t.VoorschotId, ExpectedVersion = 1, StartDate = Target.Today }, "uitkeren");
        Add(uit, "RecordInkomstenSignaal", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordInkomstenSignaalRequest { ClientId = t.ClientId, Period = Target.Day(-40)[..7], IncomeCents = 10_000 }, "uitkeren");
        Add(uit, "RecordTerugvordering", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordTerugvorderingRequest { ClientId = t.ClientId, UitkeringId = t.UitkeringId, AmountCents = 1_000, Reason = "Matrix" }, "uitkeren");
        Add(uit, "ListInkomstenSignalenTeBeoordelen", UitRoles, TeamRule.CallersTeam, AuditShape.NoClient,
            _ => new ListInkomstenSignalenTeBeoordelenRequest { PageSize = 5 }, "uitkeren");
        Add(uit, "CompleteInkomstenSignaalReview", UitRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new CompleteInkomstenSignaalReviewRequest { SignaalId = t.InkomstenSignaalId, ExpectedVersion = 1, Note = "Matrix" }, "uitkeren");
        Add(uit, "ListInkomstenSignalen", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new ListInkomstenSignalenRequest { ClientId = t.ClientId }, "uitkeren");
        Add(uit, "ListTerugvorderingen", UitRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new ListTerugvorderingenRequest { ClientId = t.ClientId }, "uitkeren");

        var bb = BezwaarBeroepService.Descriptor;
        Add(bb, "OpenDossier", BbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new BbV1.OpenDossierRequest { ClientId = t.ClientId }, "bezwaarberoep");
        Add(bb, "GetDossier", BbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new BbV1.GetDossierRequest { DossierId = t.DossierIds["bezwaarberoep"] }, "bezwaarberoep");
        Add(bb, "ChangeDossierStatus", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new BbV1.ChangeDossierStatusRequest { DossierId = t.DossierIds["bezwaarberoep"], ExpectedVersion = 1, Status = "in-behandeling", Reason = "Matrix" }, "bezwaarberoep");
        Add(bb, "AssignDossierToMe", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new BbV1.AssignDossierToMeRequest { DossierId = t.DossierIds["bezwaarberoep"], ExpectedVersion = 1 }, "bezwaarberoep");
        Add(bb, "RegisterBezwaar", BbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new RegisterBezwaarRequest
        {
            ClientId = t.ClientId, DecisionDivision = Division.Uitkeren, DecisionReference = "MATRIX-2", DecisionSentOn = Target.Day(-7),
            ReceivedOn = Target.Day(-1), Grounds = "Matrix",
        }, "bezwaarberoep");
        Add(bb, "GetBezwaar", BbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetBezwaarRequest { BezwaarId = t.BezwaarId }, "bezwaarberoep");
        Add(bb, "RecordBezwaarContact", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordBezwaarContactRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, ContactedOn = Target.Today }, "bezwaarberoep");
        Add(bb, "VerdaagBeslistermijn", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new VerdaagBeslistermijnRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, Weeks = 6, AnnouncedOn = Target.Today }, "bezwaarberoep");
        Add(bb, "StartHerstelVerzuim", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new StartHerstelVerzuimRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, RequestedOn = Target.Today }, "bezwaarberoep");
        Add(bb, "EndHerstelVerzuim", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new EndHerstelVerzuimRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, RepairedOn = Target.Today }, "bezwaarberoep");
        Add(bb, "PlanHoorzitting", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new PlanHoorzittingRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, PlannedOn = Target.Day(14) }, "bezwaarberoep");
        Add(bb, "RecordHoorzitting", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordHoorzittingRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, HeldOn = Target.Today }, "bezwaarberoep");
        Add(bb, "DecideBezwaar", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new DecideBezwaarRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, Outcome = BezwaarOutcome.Ongegrond, DecidedOn = Target.Today }, "bezwaarberoep");
        Add(bb, "RegisterBeroep", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RegisterBeroepRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, FiledOn = Target.Today }, "bezwaarberoep");
        Add(bb, "RecordIngebrekestelling", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordIngebrekestellingRequest { BezwaarId = t.BezwaarId, ExpectedVersion = 1, ReceivedOn = Target.Today }, "bezwaarberoep");
        Add(bb, "GetDwangsomExposure", BbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new GetDwangsomExposureRequest { BezwaarId = t.BezwaarId }, "bezwaarberoep");
        Add(bb, "GetDwangsomExposureSummary", [MA, TL, JU], TeamRule.ManagerAnyTeam, AuditShape.None, t => new GetDwangsomExposureSummaryRequest { AreaTeam = t.Team }, "");
        Add(bb, "ListBezwaarDeadlines", BbRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new ListBezwaarDeadlinesRequest { PageSize = 5 }, "bezwaarberoep");
        Add(bb, "LogContact", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new BbV1.LogContactRequest { ClientId = t.ClientId, Channel = ContactChannel.Phone, Subject = "Matrix", Reached = true }, "bezwaarberoep");
        Add(bb, "CreateTerugbelverzoek", BbRoles, TeamRule.ClientsTeam, AuditShape.Client, t => new BbV1.CreateTerugbelverzoekRequest { ClientId = t.ClientId, Subject = "Matrix" }, "bezwaarberoep");
        Add(bb, "CompleteTerugbelverzoek", BbRoles, TeamRule.ClientsTeam, AuditShape.Client,
            t => new BbV1.CompleteTerugbelverzoekRequest { TerugbelverzoekId = t.TerugbelverzoekIds["bezwaarberoep"], ExpectedVersion = 1, Reached = true }, "bezwaarberoep");
        Add(bb, "ListOverdueTerugbelverzoeken", BbRoles, TeamRule.CallersTeam, AuditShape.NoClient, _ => new BbV1.ListOverdueTerugbelverzoekenRequest { PageSize = 5 }, "bezwaarberoep");

        var ho = HandoverService.Descriptor;
        Add(ho, "RequestHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client, t => new RequestHandoverRequest
        {
            ClientId = t.ClientId, DossierId = t.HandoverDossierId, FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "Matrix",
        }, HandoverAll, handlerRoles: Sender);
        Add(ho, "GetHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client, t => new GetHandoverRequest { HandoverId = t.HandoverId }, HandoverAll);
        Add(ho, "RecordNazorgAttempt", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client, t => new RecordNazorgAttemptRequest
        {
            HandoverId = t.HandoverId, Outcome = NazorgOutcome.Reached, UnderstandsOutcome = true, KnowsNextSteps = true,
        }, HandoverAll, handlerRoles: Sender);
        Add(ho, "RecordWrittenMessage", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordWrittenMessageRequest { HandoverId = t.HandoverId, Channel = WrittenMessageChannel.Letter }, HandoverAll, handlerRoles: Sender);
        Add(ho, "OverrideNazorg", [TL], TeamRule.ClientsTeam, AuditShape.Client, t => new OverrideNazorgRequest { HandoverId = t.HandoverId, Reason = "Matrix" }, HandoverAll);
        Add(ho, "ArrangeWarmHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new ArrangeWarmHandoverRequest { HandoverId = t.HandoverId, ReceivingColleague = "adviseur-werk" }, HandoverAll, handlerRoles: Sender);
        Add(ho, "ConfirmWarmHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new ConfirmWarmHandoverRequest { HandoverId = t.HandoverId }, HandoverAll, handlerRoles: Receiver);
        Add(ho, "TransferHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new TransferHandoverRequest { HandoverId = t.HandoverId }, HandoverAll, handlerRoles: Sender);
        Add(ho, "AcceptHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new AcceptHandoverRequest { HandoverId = t.HandoverId }, HandoverAll, handlerRoles: Receiver);
        Add(ho, "ReturnHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new ReturnHandoverRequest { HandoverId = t.HandoverId, ReasonCategory = ReturnReason.Other, Reason = "Matrix" }, HandoverAll, handlerRoles: Receiver);
        Add(ho, "CancelHandover", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new CancelHandoverRequest { HandoverId = t.HandoverId, Reason = "Matrix" }, HandoverAll, handlerRoles: Sender);
        Add(ho, "RecordCasusoverleg", [TL], TeamRule.ClientsTeam, AuditShape.Client,
            t => new RecordCasusoverlegRequest { HandoverId = t.HandoverId, Outcome = "Matrix" }, HandoverAll);
        Add(ho, "ListEscalations", [TL], TeamRule.CallersTeam, AuditShape.NoClient, _ => new ListEscalationsRequest(), "handover,return-reason");
        Add(ho, "RecordSignaal", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client, t => new RecordSignaalRequest
        {
            ClientId = t.ClientId, Factor = KwetsbaarheidFactor.Doenvermogen, Note = "Matrix", ClientConsent = true,
        }, "signalen");
        // Last: they end the target's signalen.
        Add(ho, "EndSignaal", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new EndSignaalRequest { SignaalId = t.SignaalId, Reason = "Matrix" }, "signalen");
        Add(ho, "WithdrawSignaalConsent", CaseWorkers, TeamRule.ClientsTeam, AuditShape.Client,
            t => new WithdrawSignaalConsentRequest { ClientId = t.ClientId }, "signalen");

        Add(HandoverKpiService.Descriptor, "GetKpiDashboard", [MA, TL], TeamRule.ManagerAnyTeam, AuditShape.None,
            t => new GetKpiDashboardRequest { AreaTeam = t.Team, FromDate = Target.Day(-30), ToDate = Target.Today }, "");
        return rows;
    }
}
