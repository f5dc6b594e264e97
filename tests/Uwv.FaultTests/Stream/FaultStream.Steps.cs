using System.Globalization;
using Grpc.Core;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Division = Uwv.Contracts.Common.V1.Division;
using Wb = Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.FaultTests.Stream;

/// <summary>The steps of a journey, each through the gateway as the employee who does it in practice.</summary>
public sealed partial class FaultStream
{
    private const string Procesbegeleider = "procesbegeleider";
    private const string Arts = "verzekeringsarts";
    private const string AdviseurWerk = "adviseur-werk";

    /// <summary>Runs the journey's steps after the one it reached, up to <paramref name="until"/>.</summary>
    private async Task RunJourneyAsync(Journey j, Stage until)
    {
        var steps = new (Stage Stage, Func<Journey, Task> Run)[]
        {
            (Stage.Registered, RegisterAsync),
            (Stage.DossierOpened, OpenSmzDossierAsync),
            (Stage.Assessed, RecordBeoordelingAsync),
            (Stage.Requested, RequestHandoverAsync),
            (Stage.NazorgDone, RecordNazorgAsync),
            (Stage.Transferred, TransferAsync),
            (Stage.ArrivedInWerkbedrijf, AwaitWerkbedrijfDossierAsync),
            (Stage.Finished, FinishAsync),
        };
        foreach (var (stage, run) in steps.Where(s => s.Stage > j.Stage && s.Stage <= until))
        {
            await run(j);
            j.Stage = stage;
            Signal(stage);
        }
        if (j.Stage == Stage.Finished)
        {
            j.CompletedAt = DateTimeOffset.UtcNow;
        }
    }

    private async Task RegisterAsync(Journey j)
    {
        var request = new RegisterClientRequest
        {
            RequestId = NewRequestId(), Bsn = TestData.NewBsn(), Name = $"Storingscliënt {j.Number}", DateOfBirth = "1974-05-17", Postcode = j.Postcode,
        };
        // A repeat racing the first attempt's commit may meet the BSN before the request id: the next repeat finds the id.
        var registered = await CallAsync(j, Procesbegeleider, o => client.Klantbeeld.RegisterClientAsync(request, o), AlreadyExists);
        j.ClientId = registered.ClientId;
    }

    private async Task OpenSmzDossierAsync(Journey j)
    {
        var request = new OpenDossierRequest { RequestId = NewRequestId(), ClientId = j.ClientId };
        j.SmzDossierId = (await CallAsync(j, Procesbegeleider, o => client.Smz.OpenDossierAsync(request, o), AlreadyExists)).Dossier.DossierId;
    }

    private async Task RecordBeoordelingAsync(Journey j)
    {
        var request = new RecordBeoordelingRequest
        {
            RequestId = NewRequestId(), ClientId = j.ClientId, Type = BeoordelingType.WiaClaimbeoordeling, AoKlasse = AoKlasse._3580,
            FmlSummary = "Kan vier uur per dag licht werk doen", DecisionDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MedicalNotes = "Medische toelichting blijft bij SMZ",
        };
        j.BeoordelingId = (await CallAsync(j, Arts, o => client.Smz.RecordBeoordelingAsync(request, o))).BeoordelingId;
    }

    /// <summary>NOT_FOUND until the handover service has learnt of the SMZ dossier over the bus.</summary>
    private async Task RequestHandoverAsync(Journey j)
    {
        var request = new RequestHandoverRequest
        {
            RequestId = NewRequestId(), ClientId = j.ClientId, DossierId = j.SmzDossierId, FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf,
            Reason = "Re-integratie na de WIA-beoordeling", OpenQuestions = "Welk werk past bij de belastbaarheid?",
        };
        j.HandoverId = (await CallAsync(j, Procesbegeleider, o => client.Handover.RequestHandoverAsync(request, o), NotFound)).Handover.HandoverId;
    }

    private async Task RecordNazorgAsync(Journey j)
    {
        var request = new RecordNazorgAttemptRequest
        {
            RequestId = NewRequestId(), HandoverId = j.HandoverId, Outcome = NazorgOutcome.Reached, UnderstandsOutcome = true, KnowsNextSteps = true,
        };
        await CallAsync(j, Procesbegeleider, o => client.Handover.RecordNazorgAttemptAsync(request, o));
    }

    private async Task TransferAsync(Journey j)
    {
        var request = new TransferHandoverRequest { RequestId = NewRequestId(), HandoverId = j.HandoverId };
        j.ReceivingDossierId = (await CallAsync(j, Procesbegeleider, o => client.Handover.TransferHandoverAsync(request, o))).Handover.ReceivingDossierId;
    }

    /// <summary>The adviseur werk opens the dossier Werkbedrijf received (NOT_FOUND until Werkbedrijf consumed the transfer).</summary>
    private async Task AwaitWerkbedrijfDossierAsync(Journey j)
    {
        var request = new Wb.GetDossierRequest { DossierId = j.ReceivingDossierId };
        await CallAsync(j, AdviseurWerk, o => client.Werkbedrijf().GetDossierAsync(request, o), NotFound);
    }

    /// <summary>Accepted (and a first contact logged in Werkbedrijf), or returned and then cancelled by SMZ.</summary>
    private async Task FinishAsync(Journey j)
    {
        if (j.Returns)
        {
            var back = new ReturnHandoverRequest
            {
                RequestId = NewRequestId(), HandoverId = j.HandoverId, ReasonCategory = ReturnReason.ClientNotReady, Reason = "Cliënt is nog niet belastbaar",
            };
            await CallAsync(j, AdviseurWerk, o => client.Handover.ReturnHandoverAsync(back, o));
            var cancel = new CancelHandoverRequest { RequestId = NewRequestId(), HandoverId = j.HandoverId, Reason = "Eerst herstel afwachten" };
            await CallAsync(j, Procesbegeleider, o => client.Handover.CancelHandoverAsync(cancel, o));
            return;
        }
        var accept = new AcceptHandoverRequest { RequestId = NewRequestId(), HandoverId = j.HandoverId };
        await CallAsync(j, AdviseurWerk, o => client.Handover.AcceptHandoverAsync(accept, o));
        var contact = new Wb.LogContactRequest
        {
            RequestId = NewRequestId(), ClientId = j.ClientId, Channel = Uwv.Contracts.Casework.V1.ContactChannel.Phone,
            Subject = "Kennismaking re-integratie", Reached = true,
        };
        await CallAsync(j, AdviseurWerk, o => client.Werkbedrijf().LogContactAsync(contact, o));
    }

    /// <summary>Werkbedrijf sends a transferred handover back to SMZ (a test's own journey, outside its usual finish).</summary>
    public async Task ReturnAsync(Journey j)
    {
        j.GiveUpAt = DateTime.UtcNow + Grace;
        var back = new ReturnHandoverRequest
        {
            RequestId = NewRequestId(), HandoverId = j.HandoverId, ReasonCategory = ReturnReason.IncompleteDossier, Reason = "Belastbaarheid ontbreekt in het dossier",
        };
        await CallAsync(j, AdviseurWerk, o => client.Handover.ReturnHandoverAsync(back, o));
    }

    private static string NewRequestId() => Guid.NewGuid().ToString();

    private static bool AlreadyExists(RpcException ex) => ex.StatusCode == StatusCode.AlreadyExists;

    private static bool NotFound(RpcException ex) => ex.StatusCode == StatusCode.NotFound;
}
