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
            await api.Smz.CreateTerugbelverzoekAsync(new SmzApi.CreateTerugbelverzoekRequest
            {
                RequestId = lineage.NextRequestId(),
                ClientId = lineage.ClientId,
                Subject = CallbackSubjects[random.Next(CallbackSubjects.Length)],
                WwQuestion = random.NextDouble() < 0.3,
            }, api.As(DemoApi.WorkerOf(DivisionCode.Smz, lineage.Team)), cancellationToken: ct);
        }
    }

    /// <summary>A client whose dossier reached Bezwaar en Beroep gets a bezwaar; an old one past its term, sometimes with a dwangsom.</summary>
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
        if (bezwaar.IngebrekestellingReceivedOn.Length > 0 || bezwaar.BeslistermijnEndsOn.Length == 0 || random.NextDouble() >= 0.6)
        {
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
