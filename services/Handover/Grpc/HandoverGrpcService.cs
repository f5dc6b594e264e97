using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Data;
using Uwv.Handover.Divisions;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;
using HandoverCommand = Uwv.Handover.Domain.HandoverCommand;
using Proto = Uwv.Contracts.Handover.V1;

namespace Uwv.Handover.Grpc;

/// <summary>
/// The handover API. Every command validates its input (INVALID_ARGUMENT naming the field), checks the caller's team and
/// division, asks the pure <see cref="HandoverDecider"/>, and writes its decision with the events in one transaction;
/// a refusal is FAILED_PRECONDITION naming the rule and writes nothing.
/// </summary>
[Authorize(Roles = Roles.CaseWorkers)]
public sealed partial class HandoverGrpcService(
    HandoverDbContext db, HandoverStore store, KpiRecorder kpis, DossierLearner learner, IOptions<HandoverOptions> options, TimeProvider clock) : HandoverService.HandoverServiceBase
{
    [PersonalData(HandoverFields.All, Writes = true)]
    public override async Task<RequestHandoverResponse> RequestHandover(RequestHandoverRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        var subject = user.SubjectId();
        var clientId = Require.Id(request.ClientId, "client_id");
        var dossierId = Require.Id(request.DossierId, "dossier_id");
        var from = (DivisionCode)Require.Defined(request.FromDivision, "from_division");
        var to = (DivisionCode)Require.Defined(request.ToDivision, "to_division");
        if (from == to)
        {
            throw RpcErrors.InvalidArgument("to_division", "must differ from from_division");
        }
        var reason = Require.Text(request.Reason, "reason", 2000);
        var openQuestions = Require.OptionalText(request.OpenQuestions, "open_questions", 2000);

        // One compiled query (one round trip) for everything the decision and the write need.
        var find = () => RequestHandoverQuery.Find(db, dossierId, requestId, subject, ct);
        var found = await find();
        if (found is null)
        {
            // Not learned from the bus yet: the sending division is asked; NOT_FOUND only when it does not know the dossier.
            DivisionAccess.EnsureActsFor(context.GetHttpContext().User, from, "sending");
            await learner.LearnAsync(dossierId, request.DossierId, from, ct);
            found = await find() ?? throw RpcErrors.NotFound("dossier", request.DossierId);
        }
        if (found.Repeat is { } repeatId)
        {
            // A repeat is authorized again: the caller may have lost access since.
            var repeat = await db.Handovers.AsNoTracking().FirstAsync(h => h.HandoverId == repeatId, ct);
            TeamScope.EnsureSameTeam(user, repeat.Team);
            DivisionAccess.EnsureActsFor(user, repeat.FromDivision, "sending");
            return new RequestHandoverResponse { Handover = await ToProtoAsync(repeat, ct) };
        }
        var (dossier, openHandover) = (found.Dossier, found.OpenHandover);
        if (dossier.ClientId != clientId)
        {
            throw RpcErrors.InvalidArgument("dossier_id", "belongs to another client");
        }
        TeamScope.EnsureSameTeam(user, dossier.Team);
        DivisionAccess.EnsureActsFor(user, from, "sending");
        kpis.Known(dossier.LineageId, found.KpiState is { } kpiState ? new KpiLineageRecord { LineageId = dossier.LineageId, State = kpiState } : null);
        var signalen = Notes(found.Signalen);
        var input = new RequestInput(Guid.NewGuid(), clientId, dossierId, from, to, reason, openQuestions, user.SubjectId(),
            HandoverMapping.ToRow(dossier), openHandover, signalen.Count > 0);
        // Whole milliseconds, as every store keeps them: the answer, built from memory, then equals a later read.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var decision = HandoverDecider.Request(input, options.Value, now);
        ThrowIfRefused(decision);
        var record = await store.SaveAsync(null, null, decision, requestId, "request", now, ct);
        // A new handover's history is what this command just wrote: no query for it, and no look through the change
        // tracker either (that compares every tracked entity with its snapshot first).
        var history = store.WrittenHistory.OrderBy(h => h.Version).ThenBy(h => h.Seq).Select(HandoverMapping.ToEntry).ToList();
        return new RequestHandoverResponse { Handover = HandoverProtoMapper.ToProto(record, options.Value, signalen, history) };
    }

    [PersonalData(HandoverFields.All)]
    public override async Task<GetHandoverResponse> GetHandover(GetHandoverRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.HandoverId, "handover_id");
        var handover = await db.Handovers.AsNoTracking().FirstOrDefaultAsync(h => h.HandoverId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("handover", request.HandoverId);
        context.AuditClient(handover.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, handover.Team);
        return new GetHandoverResponse { Handover = await ToProtoAsync(handover, context.CancellationToken) };
    }

    /// <summary>
    /// The common path of a command on an existing handover: idempotency by request id, team scope, the acting side,
    /// expected version, decide, write. <paramref name="build"/> turns the loaded state into the command (it may read more).
    /// </summary>
    private async Task<Proto.Handover> Execute(
        string rawHandoverId, string rawRequestId, long expectedVersion, string name, ServerCallContext context,
        Func<HandoverState, DivisionCode?> actingDivision, Func<HandoverState, ClaimsPrincipal, Task<HandoverCommand>> build)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(rawRequestId);
        var id = Require.Id(rawHandoverId, "handover_id");
        if (expectedVersion < 0)
        {
            throw RpcErrors.InvalidArgument("expected_version", "must not be negative");
        }
        var user = context.GetHttpContext().User;
        var seen = requestId is null ? null : await db.Commands.AsNoTracking()
            .FirstOrDefaultAsync(c => c.RequestedBy == user.SubjectId() && c.RequestId == requestId, ct);
        if (seen is not null && (seen.HandoverId != id || seen.Command != name))
        {
            throw RpcErrors.InvalidArgument("request_id", "was already used for another command");
        }
        var record = await db.Handovers.FirstOrDefaultAsync(h => h.HandoverId == id, ct)
            ?? throw RpcErrors.NotFound("handover", rawHandoverId);
        context.AuditClient(record.ClientId);
        // A repeat is authorized like a first request: the caller may have lost access since.
        TeamScope.EnsureSameTeam(user, record.Team);
        var state = HandoverMapping.ToState(record);
        if (actingDivision(state) is { } division)
        {
            DivisionAccess.EnsureActsFor(user, division, division == state.From ? "sending" : "receiving");
        }
        if (seen is not null)
        {
            return await ToProtoAsync(record, ct);
        }
        if (expectedVersion != 0 && expectedVersion != record.Version)
        {
            throw RpcErrors.Aborted($"the handover is at version {record.Version}, not {expectedVersion}; reload and try again");
        }
        var command = await build(state, user);
        var now = clock.GetUtcNow();
        var decision = HandoverDecider.Decide(state, command, options.Value, now);
        ThrowIfRefused(decision);
        await store.SaveAsync(record, state.NextEscalationAt, decision, requestId, name, now, ct, user.SubjectId());
        return await ToProtoAsync(record, ct);
    }

    /// <summary>The client's signalen that <paramref name="team"/> may see: those recorded for, or moved with the client to, that team, and not ended.</summary>
    private async Task<IReadOnlyList<SignaalNote>> SignalenOf(Guid clientId, string team, CancellationToken ct) =>
        Notes(await db.Signalen.AsNoTracking().Where(s => s.ClientId == clientId && s.Team == team && s.EndedAt == null).ToListAsync(ct));

    private static List<SignaalNote> Notes(IEnumerable<SignaalRecord> current) =>
        current.OrderBy(s => s.RecordedAt).Select(s => new SignaalNote(s.Factor, s.Note, s.RecordedBy, s.RecordedAt)).ToList();

    private async Task<IReadOnlyList<DossierMove>> HistoryOf(Guid lineageId, CancellationToken ct) =>
        (await db.DossierMoves.AsNoTracking().Where(m => m.LineageId == lineageId).ToListAsync(ct))
            .OrderBy(m => m.At)
            .Select(m => new DossierMove(m.FromDivision, m.ToDivision, m.At))
            .ToList();

    private async Task<Proto.Handover> ToProtoAsync(HandoverRecord record, CancellationToken ct) =>
        HandoverProtoMapper.ToProto(record, options.Value, await SignalenOf(record.ClientId, record.Team, ct), await HistoryEntriesOf(record.HandoverId, ct));

    private async Task<IReadOnlyList<HistoryEntry>> HistoryEntriesOf(Guid handoverId, CancellationToken ct) =>
        (await db.History.AsNoTracking().Where(h => h.HandoverId == handoverId).ToListAsync(ct))
            .OrderBy(h => h.Version).ThenBy(h => h.Seq)
            .Select(HandoverMapping.ToEntry)
            .ToList();

    private static void ThrowIfRefused(Decision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            throw RpcErrors.FailedPrecondition(refusal.Rule, refusal.Explanation);
        }
    }
}
