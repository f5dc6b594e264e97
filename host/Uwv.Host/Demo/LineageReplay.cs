using System.Globalization;
using Grpc.Core;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Handover.Simulation;
using Uwv.ServiceDefaults.Auth;
using Proto = Uwv.Contracts.Handover.V1;

namespace Uwv.Host.Demo;

/// <summary>
/// Replays one lineage of the handover KPI benchmark's synthetic history (its distributions of divisions, nazorg
/// paths, returns, warme overdrachten) as calls on the platform's own APIs, today, as the demo staff. Request ids
/// are derived from the seed and index, so a replay that runs twice writes everything once.
/// </summary>
public sealed class LineageReplay(DemoApi api, DemoOptions options, DemoWork work, Uwv.Calendar.OfficeHours office, MassTransit.IPublishEndpoint bus)
{
    /// <summary>About one lineage in five is left unfinished, so the worklists have open handovers and nazorg to do.</summary>
    private const double ShareLeftOpen = 0.2;

    public async Task ReplayAsync(long index, DateOnly today, CancellationToken ct)
    {
        var events = new SyntheticHistory(office).Lineage(options.Seed, index, today.AddDays(-options.Days), options.Days);
        var opened = events.OfType<DossierOpened>().First();
        var random = new Random(HashCode.Combine(options.Seed, index.GetHashCode()) ^ (int)(index * 7919));
        var lineage = new Lineage($"demo-{options.Seed}-{index}", opened.OwnerTeam);

        var registered = await api.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = lineage.NextRequestId(),
            Bsn = DemoPeople.Bsn(options.Seed, index),
            Name = DemoPeople.Name(random),
            DateOfBirth = DemoPeople.DateOfBirth(random, today),
            Postcode = DemoPeople.Postcode(random, lineage.Team),
        }, api.As(DemoApi.WorkerOf(opened.Division, lineage.Team)), cancellationToken: ct);
        lineage.ClientId = registered.ClientId;
        lineage.Dossiers[opened.Division] = await work.OpenDossierAsync(lineage, opened.Division, ct);
        await work.StartAsync(lineage, opened.Division, random, today, ct);

        var replayed = random.NextDouble() < ShareLeftOpen ? random.Next(1, events.Count) : events.Count;
        foreach (var e in events.Take(replayed))
        {
            await ApplyAsync(lineage, e, today, ct);
        }
        await work.FinishAsync(lineage, random, today, ct);
        await NormHistoryAsync(lineage, index, ct);
    }

    /// <summary>
    /// The client's past norm deadlines, published as the divisions publish them: the demo's work through the division
    /// APIs is of today, so the norm measures get their figures of the past weeks from this history.
    /// </summary>
    private async Task NormHistoryAsync(Lineage lineage, long index, CancellationToken ct)
    {
        var days = Math.Min(options.Days, 28);
        foreach (var e in SyntheticNormHistory.Client(options.Seed, index, Guid.Parse(lineage.ClientId), lineage.Team, DateTimeOffset.UtcNow, days))
        {
            await bus.Publish(e, e.GetType(), ct);
        }
    }

    private async Task ApplyAsync(Lineage lineage, IClientEvent e, DateOnly today, CancellationToken ct)
    {
        switch (e)
        {
            case HandoverRequested r when lineage.Dossiers.TryGetValue(r.Handover.FromDivision, out var dossierId):
                var requestId = lineage.NextRequestId();
                // A dossier that arrived by a transfer is opened by its division from the event: wait for it briefly.
                var requested = await WhileNotFoundAsync(() => api.Handover.RequestHandoverAsync(new RequestHandoverRequest
                {
                    RequestId = requestId,
                    ClientId = lineage.ClientId,
                    DossierId = dossierId,
                    FromDivision = DemoApi.ToProto(r.Handover.FromDivision),
                    ToDivision = DemoApi.ToProto(r.Handover.ToDivision),
                    Reason = Reasons[(int)r.Handover.ToDivision - 1],
                    OpenQuestions = "Graag contact opnemen binnen een week.",
                }, Sender(r), cancellationToken: ct).ResponseAsync, ct);
                lineage.Handovers[r.Handover.HandoverId] = requested.Handover;
                break;
            case NazorgAttemptRecorded a:
                await Command(lineage, a, async (h, id) => (await api.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                    Outcome = a.Reached ? NazorgOutcome.Reached : NazorgOutcome.NotReached,
                    UnderstandsOutcome = a.UnderstandsOutcome, KnowsNextSteps = a.KnowsNextSteps,
                    // Unanswered calls on the working days before today, so the written-message rule can be met.
                    AttemptedAt = a.Reached ? "" : UnansweredCallMoment(today, a.AttemptNumber),
                }, Sender(a), cancellationToken: ct)).Handover);
                break;
            case NazorgWrittenMessageRecorded w:
                await Command(lineage, w, async (h, id) => (await api.Handover.RecordWrittenMessageAsync(new RecordWrittenMessageRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                    Channel = w.Channel == "email" ? WrittenMessageChannel.Email : WrittenMessageChannel.Letter,
                }, Sender(w), cancellationToken: ct)).Handover);
                break;
            case NazorgOverridden o:
                await Command(lineage, o, async (h, id) => (await api.Handover.OverrideNazorgAsync(new OverrideNazorgRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                    Reason = "Cliënt verblijft in het buitenland; nazorg volgt schriftelijk.",
                }, api.As($"{Roles.Teamleider}.{lineage.Team}"), cancellationToken: ct)).Handover);
                break;
            case WarmHandoverArranged w:
                await Command(lineage, w, async (h, id) => (await api.Handover.ArrangeWarmHandoverAsync(new ArrangeWarmHandoverRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version, ReceivingColleague = Receiver(w),
                }, Sender(w), cancellationToken: ct)).Handover);
                break;
            case WarmHandoverConfirmed c:
                await Command(lineage, c, async (h, id) => (await api.Handover.ConfirmWarmHandoverAsync(new ConfirmWarmHandoverRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                }, api.As(Receiver(c)), cancellationToken: ct)).Handover);
                break;
            case HandoverTransferred t:
                var transferred = await Command(lineage, t, async (h, id) => (await api.Handover.TransferHandoverAsync(new TransferHandoverRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                }, Sender(t), cancellationToken: ct)).Handover);
                if (transferred is { ReceivingDossierId.Length: > 0 })
                {
                    lineage.Dossiers[t.Handover.ToDivision] = transferred.ReceivingDossierId;
                }
                break;
            case HandoverAccepted a:
                await Command(lineage, a, async (h, id) => (await api.Handover.AcceptHandoverAsync(new AcceptHandoverRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                }, api.As(Receiver(a)), cancellationToken: ct)).Handover);
                break;
            case HandoverReturned r:
                await Command(lineage, r, async (h, id) => (await api.Handover.ReturnHandoverAsync(new ReturnHandoverRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version,
                    ReasonCategory = ReturnReasonOf(r.ReasonCategory), Reason = ReturnTexts.GetValueOrDefault(r.ReasonCategory, "Zie toelichting in het dossier."),
                }, api.As(Receiver(r)), cancellationToken: ct)).Handover);
                break;
            case HandoverCancelled c:
                await Command(lineage, c, async (h, id) => (await api.Handover.CancelHandoverAsync(new CancelHandoverRequest
                {
                    RequestId = id, HandoverId = h.HandoverId, ExpectedVersion = h.Version, Reason = "Cliënt heeft de aanvraag ingetrokken.",
                }, Sender(c), cancellationToken: ct)).Handover);
                break;
            case HerbeoordelingsverzoekOpened:
                await work.HerbeoordelingsverzoekAsync(lineage, ct);
                break;
            default:
                // Escalations come from the SLA sweeper, ping-pong and dossier moves from the commands: consequences, not calls.
                break;
        }

        Metadata Sender(IHandoverEvent h) => api.As(DemoApi.WorkerOf(h.Handover.FromDivision, lineage.Team));
        string Receiver(IHandoverEvent h) => DemoApi.WorkerOf(h.Handover.ToDivision, lineage.Team);
    }

    /// <summary>Runs a command on the real handover of a synthetic one; on a concurrency conflict (the sweeper moved it) once more.</summary>
    private async Task<Proto.Handover?> Command(Lineage lineage, IHandoverEvent e, Func<Proto.Handover, string, Task<Proto.Handover>> call)
    {
        if (!lineage.Handovers.TryGetValue(e.Handover.HandoverId, out var current))
        {
            return null;
        }
        var requestId = lineage.NextRequestId();
        try
        {
            return lineage.Handovers[e.Handover.HandoverId] = await call(current, requestId);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted)
        {
            var fresh = (await api.Handover.GetHandoverAsync(new GetHandoverRequest { HandoverId = current.HandoverId },
                api.As($"{Roles.Teamleider}.{lineage.Team}"))).Handover;
            return lineage.Handovers[e.Handover.HandoverId] = await call(fresh, requestId + "-r");
        }
    }

    private static async Task<T> WhileNotFoundAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && attempt < 50)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    private string UnansweredCallMoment(DateOnly today, int attemptNumber)
    {
        // Attempts 1..3 on the third, second and first working day before today, at 10:00, 11:00, 12:00 Amsterdam time.
        var day = today;
        for (var back = 0; back < Math.Max(1, 4 - attemptNumber); back++)
        {
            do
            {
                day = day.AddDays(-1);
            }
            while (!office.WorkingDays.IsWorkingDay(day));
        }
        var zone = office.TimeZone;
        var local = day.ToDateTime(new TimeOnly(9 + Math.Clamp(attemptNumber, 1, 3), 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static ReturnReason ReturnReasonOf(string category) => category switch
    {
        "incomplete-dossier" => ReturnReason.IncompleteDossier,
        "wrong-division" => ReturnReason.WrongDivision,
        "client-not-ready" => ReturnReason.ClientNotReady,
        "nazorg-insufficient" => ReturnReason.NazorgInsufficient,
        _ => ReturnReason.Other,
    };

    private static readonly Dictionary<string, string> ReturnTexts = new()
    {
        ["incomplete-dossier"] = "De FML ontbreekt in het dossier.",
        ["wrong-division"] = "Dit hoort eerst bij Uitkeren.",
        ["client-not-ready"] = "Cliënt is nog volledig arbeidsongeschikt.",
        ["nazorg-insufficient"] = "Uit de nazorg blijkt niet wat de cliënt nodig heeft.",
    };

    private static readonly string[] Reasons =
    [
        "Herbeoordeling gevraagd door Werkbedrijf.",
        "Re-integratie na de beoordeling.",
        "Uitkering vaststellen na de beoordeling.",
        "Cliënt maakt bezwaar tegen het besluit.",
    ];
}
