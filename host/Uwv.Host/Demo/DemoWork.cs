using System.Globalization;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;
using BbApi = Uwv.Contracts.BezwaarBeroep.V1;
using SmzApi = Uwv.Contracts.Smz.V1;
using UitApi = Uwv.Contracts.Uitkeren.V1;
using WbApi = Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Host.Demo;

/// <summary>The divisions' own work around a demo client's handovers: dossiers, beoordelingen, uitkeringen, callbacks, bezwaren.</summary>
public sealed class DemoWork(DemoApi api)
{
    private static readonly string[] CallbackSubjects =
        ["Vraag over de uitbetaling", "Wil de uitslag van de beoordeling bespreken", "Vraag over sollicitatieplicht", "Adreswijziging doorgeven"];

    public async Task<string> OpenDossierAsync(Lineage lineage, DivisionCode division, CancellationToken ct)
    {
        var requestId = lineage.NextRequestId();
        var caller = api.As(DemoApi.WorkerOf(division, lineage.Team));
        return division switch
        {
            DivisionCode.Smz => (await api.Smz.OpenDossierAsync(new SmzApi.OpenDossierRequest { RequestId = requestId, ClientId = lineage.ClientId }, caller, cancellationToken: ct)).Dossier.DossierId,
            DivisionCode.Werkbedrijf => (await api.Werkbedrijf.OpenDossierAsync(new WbApi.OpenDossierRequest { RequestId = requestId, ClientId = lineage.ClientId }, caller, cancellationToken: ct)).Dossier.DossierId,
            DivisionCode.Uitkeren => (await api.Uitkeren.OpenDossierAsync(new UitApi.OpenDossierRequest { RequestId = requestId, ClientId = lineage.ClientId }, caller, cancellationToken: ct)).Dossier.DossierId,
            _ => (await api.BezwaarBeroep.OpenDossierAsync(new BbApi.OpenDossierRequest { RequestId = requestId, ClientId = lineage.ClientId }, caller, cancellationToken: ct)).Dossier.DossierId,
        };
    }

    /// <summary>What the first division did before any handover: a beoordeling in SMZ, an uitkering in Uitkeren; sometimes a callback.</summary>
    public async Task StartAsync(Lineage lineage, DivisionCode division, Random random, DateOnly today, CancellationToken ct)
    {
        if (division == DivisionCode.Smz)
        {
            await api.Smz.RecordBeoordelingAsync(new SmzApi.RecordBeoordelingRequest
            {
                RequestId = lineage.NextRequestId(),
                ClientId = lineage.ClientId,
                Type = random.NextDouble() < 0.7 ? SmzApi.BeoordelingType.WiaClaimbeoordeling : SmzApi.BeoordelingType.Ziektewet,
                AoKlasse = (SmzApi.AoKlasse)random.Next(1, 5),
                FmlSummary = "Beperkt belastbaar: geen zwaar tillen, geen nachtdiensten.",
                DecisionDate = Day(today.AddDays(-random.Next(1, 20))),
                MedicalNotes = "Demo: medische aantekening (blijft binnen SMZ).",
            }, api.As($"{Roles.Verzekeringsarts}.{lineage.Team}"), cancellationToken: ct);
        }
        if (division == DivisionCode.Uitkeren || random.NextDouble() < 0.25)
        {
            await api.Uitkeren.GrantUitkeringAsync(new UitApi.GrantUitkeringRequest
            {
                RequestId = lineage.NextRequestId(),
                ClientId = lineage.ClientId,
                Type = (UitApi.UitkeringType)random.Next(1, 5),
                StartDate = Day(today.AddDays(-random.Next(30, 400))),
                MonthlyAmountCents = random.Next(900, 2600) * 100L,
            }, api.As($"{Roles.Uitkeringsdeskundige}.{lineage.Team}"), cancellationToken: ct);
        }
        if (random.NextDouble() < 0.15)
        {
            var worker = api.As(DemoApi.WorkerOf(DivisionCode.Smz, lineage.Team));
            var verzoek = (await api.Smz.CreateTerugbelverzoekAsync(new SmzApi.CreateTerugbelverzoekRequest
            {
                RequestId = lineage.NextRequestId(),
                ClientId = lineage.ClientId,
                Subject = CallbackSubjects[random.Next(CallbackSubjects.Length)],
                WwQuestion = random.NextDouble() < 0.3,
            }, worker, cancellationToken: ct)).Terugbelverzoek;
            if (verzoek.CompletedAt.Length == 0 && random.NextDouble() < 0.5)
            {
                // Called back at once; one call in five does not reach the client, which does not meet the norm.
                await api.Smz.CompleteTerugbelverzoekAsync(new SmzApi.CompleteTerugbelverzoekRequest
                {
                    TerugbelverzoekId = verzoek.TerugbelverzoekId,
                    ExpectedVersion = verzoek.Version,
                    Reached = random.NextDouble() < 0.8,
                }, worker, cancellationToken: ct);
            }
        }
    }

    /// <summary>
    /// A client whose dossier reached Bezwaar en Beroep gets a bezwaar, mostly with its first contact; an old one past its term,
    /// sometimes with a dwangsom; some are decided or withdrawn.
    /// </summary>
    public async Task FinishAsync(Lineage lineage, Random random, DateOnly today, CancellationToken ct)
    {
        if (!lineage.Dossiers.ContainsKey(DivisionCode.BezwaarBeroep))
        {
            return;
        }
        var received = today.AddDays(-random.Next(3, 150));
        var jurist = api.As($"{Roles.Jurist}.{lineage.Team}");
        var bezwaar = (await api.BezwaarBeroep.RegisterBezwaarAsync(new BbApi.RegisterBezwaarRequest
        {
            RequestId = lineage.NextRequestId(),
            ClientId = lineage.ClientId,
            DecisionDivision = random.NextDouble() < 0.6 ? Uwv.Contracts.Common.V1.Division.Smz : Uwv.Contracts.Common.V1.Division.Uitkeren,
            DecisionReference = $"BESLUIT-{received:yyyyMMdd}-{random.Next(1000, 9999)}",
            DecisionSentOn = Day(received.AddDays(-random.Next(3, 40))),
            ReceivedOn = Day(received),
            Grounds = "Cliënt is het niet eens met de vastgestelde arbeidsongeschiktheid.",
        }, jurist, cancellationToken: ct)).Bezwaar;
        bezwaar = await ContactAsync(bezwaar, received, random, today, jurist, ct);
        if (bezwaar.IngebrekestellingReceivedOn.Length > 0 || bezwaar.BeslistermijnEndsOn.Length == 0 || random.NextDouble() >= 0.6)
        {
            await DecideAsync(bezwaar, received, random, today, jurist, ct);
            return;
        }
        // After the beslistermijn the client may send an ingebrekestelling; two weeks later the dwangsom runs.
        var lapsed = DateOnly.Parse(bezwaar.BeslistermijnEndsOn, CultureInfo.InvariantCulture);
        var daysSince = today.DayNumber - lapsed.DayNumber;
        if (daysSince >= 2)
        {
            await api.BezwaarBeroep.RecordIngebrekestellingAsync(new BbApi.RecordIngebrekestellingRequest
            {
                BezwaarId = bezwaar.BezwaarId,
                ExpectedVersion = bezwaar.Version,
                ReceivedOn = Day(lapsed.AddDays(random.Next(1, daysSince))),
            }, jurist, cancellationToken: ct);
        }
    }

    /// <summary>Most bezwaren get their first contact, some within the 5 working days and some after: the contact norm's figures.</summary>
    private async Task<BbApi.Bezwaar> ContactAsync(BbApi.Bezwaar bezwaar, DateOnly received, Random random, DateOnly today, Grpc.Core.Metadata jurist, CancellationToken ct)
    {
        if (bezwaar.ContactedOn.Length > 0 || random.NextDouble() >= 0.7)
        {
            return bezwaar;
        }
        var contactedOn = received.AddDays(random.Next(1, 10));
        return (await api.BezwaarBeroep.RecordBezwaarContactAsync(new BbApi.RecordBezwaarContactRequest
        {
            BezwaarId = bezwaar.BezwaarId,
            ExpectedVersion = bezwaar.Version,
            ContactedOn = Day(contactedOn > today ? today : contactedOn),
        }, jurist, cancellationToken: ct)).Bezwaar;
    }

    /// <summary>Some bezwaren are decided (niet-ontvankelijk) or withdrawn: the beslistermijn's figures, within the term or late.</summary>
    private async Task DecideAsync(BbApi.Bezwaar bezwaar, DateOnly received, Random random, DateOnly today, Grpc.Core.Metadata jurist, CancellationToken ct)
    {
        if (bezwaar.Status != BbApi.BezwaarStatus.InBehandeling || random.NextDouble() >= 0.4)
        {
            return;
        }
        await api.BezwaarBeroep.DecideBezwaarAsync(new BbApi.DecideBezwaarRequest
        {
            BezwaarId = bezwaar.BezwaarId,
            ExpectedVersion = bezwaar.Version,
            Outcome = random.NextDouble() < 0.8 ? BbApi.BezwaarOutcome.NietOntvankelijk : BbApi.BezwaarOutcome.Ingetrokken,
            DecidedOn = Day(received.AddDays(random.Next(0, today.DayNumber - received.DayNumber + 1))),
        }, jurist, cancellationToken: ct);
    }

    public async Task HerbeoordelingsverzoekAsync(Lineage lineage, CancellationToken ct)
    {
        if (lineage.HasHerbeoordelingsverzoek)
        {
            return;
        }
        await api.Werkbedrijf.OpenHerbeoordelingsverzoekAsync(new WbApi.OpenHerbeoordelingsverzoekRequest
        {
            RequestId = lineage.NextRequestId(),
            ClientId = lineage.ClientId,
            Reason = "Cliënt lijkt meer te kunnen dan de FML zegt.",
        }, api.As($"{Roles.AdviseurWerk}.{lineage.Team}"), cancellationToken: ct);
        lineage.HasHerbeoordelingsverzoek = true;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
