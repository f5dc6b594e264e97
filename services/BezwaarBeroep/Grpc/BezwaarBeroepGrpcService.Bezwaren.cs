using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.BezwaarBeroep.Grpc;

/// <summary>The life of a bezwaar up to the beslissing: registration, contact, verdaging, herstel verzuim, horen.</summary>
public sealed partial class BezwaarBeroepGrpcService
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<RegisterBezwaarResponse> RegisterBezwaar(RegisterBezwaarRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Bezwaren.AsNoTracking()
                .FirstOrDefaultAsync(b => b.RegisteredBy == user.SubjectId() && b.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new RegisterBezwaarResponse { Bezwaar = BezwaarMapper.ToProto(repeat) };
        }
        var today = Today();
        var division = (DivisionCode)(int)Require.Defined(request.DecisionDivision, "decision_division");
        var reference = Require.Text(request.DecisionReference, "decision_reference", BezwaarBeroepDbContext.MaxReference);
        var sentOn = Require.Date(request.DecisionSentOn, "decision_sent_on", notAfter: today, notBefore: Earliest);
        var receivedOn = Require.Date(request.ReceivedOn, "received_on", notAfter: today, notBefore: sentOn);
        DateOnly? postmark = string.IsNullOrWhiteSpace(request.PostmarkDate) ? null : Require.Date(request.PostmarkDate, "postmark_date", notAfter: receivedOn, notBefore: sentOn);
        var grounds = Require.Text(request.Grounds, "grounds", BezwaarBeroepDbContext.MaxGrounds);
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);

        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.BezwaarBeroep, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
        var bezwaar = new BezwaarRecord
        {
            BezwaarId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            AreaTeam = client.AreaTeam,
            DecisionDivision = division,
            DecisionReference = reference,
            DecisionSentOn = sentOn,
            ReceivedOn = receivedOn,
            PostmarkDate = postmark,
            Grounds = grounds,
            AdvisoryCommittee = request.AdvisoryCommittee,
            LateFilingExcused = request.LateFilingExcused,
            Status = BezwaarStatus.InBehandeling,
            RegisteredBy = user.SubjectId(),
            RegisteredAt = now,
            RequestId = requestId,
            Version = 1,
        };
        BezwaarRules.Recompute(bezwaar, office.WorkingDays);
        db.Bezwaren.Add(bezwaar);
        BezwaarNormDeadlines.Set(db, bezwaar, office, now);
        db.Publish(BezwaarMapper.Registered(bezwaar, now), now);
        await db.SaveChangesAsync(ct);
        return new RegisterBezwaarResponse { Bezwaar = BezwaarMapper.ToProto(bezwaar) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep")]
    public override async Task<GetBezwaarResponse> GetBezwaar(GetBezwaarRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.BezwaarId, "bezwaar_id");
        var bezwaar = await db.Bezwaren.AsNoTracking().FirstOrDefaultAsync(b => b.BezwaarId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("bezwaar", request.BezwaarId);
        context.AuditClient(bezwaar.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, bezwaar.AreaTeam);
        return new GetBezwaarResponse { Bezwaar = BezwaarMapper.ToProto(bezwaar) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<RecordBezwaarContactResponse> RecordBezwaarContact(RecordBezwaarContactRequest request, ServerCallContext context)
    {
        var contactedOn = Require.Date(request.ContactedOn, "contacted_on", notAfter: Today());
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        NotBefore(contactedOn, bezwaar.ReceivedOn, "contacted_on", "received_on");
        BezwaarRules.RecordContact(bezwaar).ThrowIfRefused();
        bezwaar.ContactedOn = contactedOn;
        return new RecordBezwaarContactResponse { Bezwaar = await SaveAsync(bezwaar, "contact", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<VerdaagBeslistermijnResponse> VerdaagBeslistermijn(VerdaagBeslistermijnRequest request, ServerCallContext context)
    {
        var maxWeeks = request.ClientConsent ? Beslistermijn.MaxUitstelWeeks : Beslistermijn.MaxVerdagingWeeks;
        if (request.Weeks < 1 || request.Weeks > maxWeeks)
        {
            throw RpcErrors.InvalidArgument("weeks", $"must be 1 to {maxWeeks} (Awb 7:10 lid {(request.ClientConsent ? 4 : 3)})");
        }
        var announcedOn = Require.Date(request.AnnouncedOn, "announced_on", notAfter: Today());
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        NotBefore(announcedOn, bezwaar.ReceivedOn, "announced_on", "received_on");
        BezwaarRules.Verdaag(bezwaar, announcedOn, request.ClientConsent).ThrowIfRefused();
        if (request.ClientConsent)
        {
            bezwaar.UitstelWeeks += request.Weeks;
        }
        else
        {
            bezwaar.VerdagingWeeks = request.Weeks;
            bezwaar.VerdagingAnnouncedOn = announcedOn;
        }
        return new VerdaagBeslistermijnResponse { Bezwaar = await SaveAsync(bezwaar, "verdaagd", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<StartHerstelVerzuimResponse> StartHerstelVerzuim(StartHerstelVerzuimRequest request, ServerCallContext context)
    {
        var requestedOn = Require.Date(request.RequestedOn, "requested_on", notAfter: Today());
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        NotBefore(requestedOn, bezwaar.ReceivedOn, "requested_on", "received_on");
        BezwaarRules.StartHerstel(bezwaar).ThrowIfRefused();
        bezwaar.HerstelRequestedOn = requestedOn;
        return new StartHerstelVerzuimResponse { Bezwaar = await SaveAsync(bezwaar, "herstel-verzuim", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<EndHerstelVerzuimResponse> EndHerstelVerzuim(EndHerstelVerzuimRequest request, ServerCallContext context)
    {
        var repairedOn = Require.Date(request.RepairedOn, "repaired_on", notAfter: Today());
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        BezwaarRules.EndHerstel(bezwaar).ThrowIfRefused();
        NotBefore(repairedOn, bezwaar.HerstelRequestedOn!.Value, "repaired_on", "the herstel request");
        bezwaar.OpschortingDays += Beslistermijn.OpschortingDays(bezwaar.HerstelRequestedOn.Value, repairedOn);
        bezwaar.HerstelRequestedOn = null;
        return new EndHerstelVerzuimResponse { Bezwaar = await SaveAsync(bezwaar, "herstel-verzuim-afgerond", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<PlanHoorzittingResponse> PlanHoorzitting(PlanHoorzittingRequest request, ServerCallContext context)
    {
        var plannedOn = Require.Date(request.PlannedOn, "planned_on");
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        NotBefore(plannedOn, bezwaar.ReceivedOn, "planned_on", "received_on");
        BezwaarRules.Open(bezwaar).ThrowIfRefused();
        bezwaar.HoorzittingPlannedOn = plannedOn;
        return new PlanHoorzittingResponse { Bezwaar = await SaveAsync(bezwaar, "hoorzitting-gepland", context) };
    }

    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep", Writes = true)]
    public override async Task<RecordHoorzittingResponse> RecordHoorzitting(RecordHoorzittingRequest request, ServerCallContext context)
    {
        var waived = Require.OptionalText(request.WaivedReason, "waived_reason", BezwaarBeroepDbContext.MaxWaivedReason);
        DateOnly? heldOn = string.IsNullOrWhiteSpace(request.HeldOn) ? null : Require.Date(request.HeldOn, "held_on", notAfter: Today());
        if ((heldOn is null) == (waived is null))
        {
            throw RpcErrors.InvalidArgument("held_on", "give either the day the hearing was held or why horen was waived, not both");
        }
        var bezwaar = await LoadAsync(request.BezwaarId, request.ExpectedVersion, context);
        if (heldOn is { } held)
        {
            NotBefore(held, bezwaar.ReceivedOn, "held_on", "received_on");
        }
        BezwaarRules.Open(bezwaar).ThrowIfRefused();
        bezwaar.HoorzittingHeldOn = heldOn;
        bezwaar.HorenWaivedReason = waived;
        return new RecordHoorzittingResponse { Bezwaar = await SaveAsync(bezwaar, heldOn is null ? "horen-afgezien" : "gehoord", context) };
    }

    /// <summary>Loads a bezwaar to change: found, of the caller's area team, and at the version the caller read.</summary>
    private async Task<BezwaarRecord> LoadAsync(string rawId, long expectedVersion, ServerCallContext context)
    {
        var id = Require.Id(rawId, "bezwaar_id");
        var bezwaar = await db.Bezwaren.FirstOrDefaultAsync(b => b.BezwaarId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("bezwaar", rawId);
        context.AuditClient(bezwaar.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, bezwaar.AreaTeam);
        ExpectedVersion.Check(expectedVersion, bezwaar.Version, "bezwaar");
        return bezwaar;
    }

    /// <summary>Recomputes the terms and norm deadlines, bumps the version and commits the change with its events.</summary>
    private async Task<Bezwaar> SaveAsync(BezwaarRecord bezwaar, string change, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        BezwaarRules.Recompute(bezwaar, office.WorkingDays);
        await BezwaarNormDeadlines.SyncAsync(db, bezwaar, office, now, context.CancellationToken);
        bezwaar.Version++;
        db.Publish(BezwaarMapper.Updated(bezwaar, change, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        return BezwaarMapper.ToProto(bezwaar);
    }

    private static void NotBefore(DateOnly value, DateOnly earliest, string field, string what)
    {
        if (value < earliest)
        {
            throw RpcErrors.InvalidArgument(field, $"must not be before {what} ({earliest:yyyy-MM-dd})");
        }
    }
}
