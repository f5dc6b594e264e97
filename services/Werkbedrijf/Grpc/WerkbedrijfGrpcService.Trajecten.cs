using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Werkbedrijf.Data;
using Uwv.Werkbedrijf.Domain;

namespace Uwv.Werkbedrijf.Grpc;

/// <summary>The re-integratietraject: phases of the integrative conversation model, doelen and afspraken.</summary>
public sealed partial class WerkbedrijfGrpcService
{
    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<StartTrajectResponse> StartTraject(StartTrajectRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Trajecten.AsNoTracking()
                .FirstOrDefaultAsync(t => t.StartedBy == user.SubjectId() && t.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new StartTrajectResponse { Traject = await TrajectAsync(repeat, ct) };
        }
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        if (await db.Trajecten.AnyAsync(t => t.ClientId == clientId && t.Phase != TrajectPhase.Afgerond, ct))
        {
            throw RpcErrors.FailedPrecondition("one-traject", "the client already has a running re-integratietraject");
        }
        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.Werkbedrijf, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
        var traject = new TrajectRecord
        {
            TrajectId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            AreaTeam = client.AreaTeam,
            Phase = TrajectPhase.ContactMaken,
            StartedAt = now,
            StartedBy = user.SubjectId(),
            RequestId = requestId,
            Version = 1,
        };
        db.Trajecten.Add(traject);
        db.Publish(new ReintegratietrajectStarted(traject.TrajectId, clientId, traject.DossierId, TrajectPhases.Name(traject.Phase), 0, 0, traject.Version, now), now);
        await db.SaveChangesAsync(ct);
        return new StartTrajectResponse { Traject = await TrajectAsync(traject, ct) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf")]
    public override async Task<GetTrajectResponse> GetTraject(GetTrajectRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.TrajectId, "traject_id");
        var traject = await db.Trajecten.AsNoTracking().FirstOrDefaultAsync(t => t.TrajectId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("traject", request.TrajectId);
        context.AuditClient(traject.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, traject.AreaTeam);
        return new GetTrajectResponse { Traject = await TrajectAsync(traject, context.CancellationToken) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<AdvanceTrajectPhaseResponse> AdvanceTrajectPhase(AdvanceTrajectPhaseRequest request, ServerCallContext context)
    {
        var phase = Require.Defined(request.Phase, "phase");
        var note = Require.OptionalText(request.Note, "note", WerkbedrijfDbContext.MaxText);
        var traject = await LoadTrajectAsync(request.TrajectId, request.ExpectedVersion, context);
        TrajectPhases.Advance(traject.Phase, phase).ThrowIfRefused();
        var now = clock.GetUtcNow();
        db.TrajectPhaseChanges.Add(new TrajectPhaseChangeRecord
        {
            TrajectId = traject.TrajectId, FromPhase = traject.Phase, ToPhase = phase, Note = note,
            ChangedBy = context.GetHttpContext().User.SubjectId(), ChangedAt = now,
        });
        traject.Phase = phase;
        return new AdvanceTrajectPhaseResponse { Traject = await SaveTrajectAsync(traject, now, context.CancellationToken) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<RecordDoelResponse> RecordDoel(RecordDoelRequest request, ServerCallContext context)
    {
        var description = Require.Text(request.Description, "description", WerkbedrijfDbContext.MaxText);
        var traject = await LoadTrajectAsync(request.TrajectId, request.ExpectedVersion, context);
        TrajectPhases.RecordDoel(traject.Phase).ThrowIfRefused();
        var now = clock.GetUtcNow();
        AddItem(traject, TrajectItemRecord.Doel, description, null, context, now);
        return new RecordDoelResponse { Traject = await SaveTrajectAsync(traject, now, context.CancellationToken) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<RecordAfspraakResponse> RecordAfspraak(RecordAfspraakRequest request, ServerCallContext context)
    {
        var description = Require.Text(request.Description, "description", WerkbedrijfDbContext.MaxText);
        DateOnly? dueOn = string.IsNullOrWhiteSpace(request.DueOn) ? null : Require.Date(request.DueOn, "due_on", notBefore: new DateOnly(2000, 1, 1));
        var traject = await LoadTrajectAsync(request.TrajectId, request.ExpectedVersion, context);
        TrajectPhases.RecordAfspraak(traject.Phase).ThrowIfRefused();
        var now = clock.GetUtcNow();
        AddItem(traject, TrajectItemRecord.Afspraak, description, dueOn, context, now);
        return new RecordAfspraakResponse { Traject = await SaveTrajectAsync(traject, now, context.CancellationToken) };
    }

    private void AddItem(TrajectRecord traject, string kind, string description, DateOnly? dueOn, ServerCallContext context, DateTimeOffset now) =>
        db.TrajectItems.Add(new TrajectItemRecord
        {
            TrajectId = traject.TrajectId, Kind = kind, Description = description, DueOn = dueOn,
            RecordedBy = context.GetHttpContext().User.SubjectId(), RecordedAt = now,
        });

    private async Task<TrajectRecord> LoadTrajectAsync(string rawId, long expectedVersion, ServerCallContext context)
    {
        var id = Require.Id(rawId, "traject_id");
        var traject = await db.Trajecten.FirstOrDefaultAsync(t => t.TrajectId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("traject", rawId);
        context.AuditClient(traject.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, traject.AreaTeam);
        ExpectedVersion.Check(expectedVersion, traject.Version, "traject");
        return traject;
    }

    private async Task<Traject> SaveTrajectAsync(TrajectRecord traject, DateTimeOffset now, CancellationToken ct)
    {
        traject.Version++;
        var items = await db.TrajectItems.Where(i => i.TrajectId == traject.TrajectId).ToListAsync(ct);
        items.AddRange(db.ChangeTracker.Entries<TrajectItemRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.TrajectId == traject.TrajectId).Select(e => e.Entity));
        db.Publish(new ReintegratietrajectUpdated(traject.TrajectId, traject.ClientId, traject.DossierId, TrajectPhases.Name(traject.Phase),
            items.Count(i => i.Kind == TrajectItemRecord.Doel), items.Count(i => i.Kind == TrajectItemRecord.Afspraak), traject.Version, now), now);
        await db.SaveChangesAsync(ct);
        return await TrajectAsync(traject, ct);
    }

    private async Task<Traject> TrajectAsync(TrajectRecord traject, CancellationToken ct)
    {
        var items = await db.TrajectItems.AsNoTracking().Where(i => i.TrajectId == traject.TrajectId).OrderBy(i => i.Id).ToListAsync(ct);
        var changes = await db.TrajectPhaseChanges.AsNoTracking().Where(c => c.TrajectId == traject.TrajectId).OrderBy(c => c.Id).ToListAsync(ct);
        return WerkbedrijfMapper.ToProto(traject, items, changes);
    }
}
