using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;

namespace Uwv.Smz.Grpc;

/// <summary>Herbeoordelingsverzoeken from Werkbedrijf: listed, picked up, answered with a herbeoordeling.</summary>
public sealed partial class SmzGrpcService
{
    [PersonalData("smz")]
    public override async Task<ListHerbeoordelingsverzoekenResponse> ListHerbeoordelingsverzoeken(ListHerbeoordelingsverzoekenRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        if (request.State != VerzoekState.Unspecified && !Enum.IsDefined(request.State))
        {
            throw RpcErrors.InvalidArgument("state", "is not a verzoek state");
        }
        var team = context.GetHttpContext().User.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var page = await db.Herbeoordelingsverzoeken.AsNoTracking()
            .Where(v => v.AreaTeam == team && (request.State == VerzoekState.Unspecified || v.State == request.State))
            .OrderBy(v => v.ReceivedAt).ThenBy(v => v.VerzoekId)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListHerbeoordelingsverzoekenResponse
        {
            Verzoeken = { page.Take(size).Select(SmzMapper.ToProto) },
            NextPageToken = ContactMapper.NextToken(offset, size, page.Count),
        };
    }

    [PersonalData("smz", Writes = true)]
    public override async Task<PickUpHerbeoordelingsverzoekResponse> PickUpHerbeoordelingsverzoek(PickUpHerbeoordelingsverzoekRequest request, ServerCallContext context)
    {
        var verzoek = await LoadVerzoekAsync(request.VerzoekId, request.ExpectedVersion, context);
        VerzoekRules.PickUp(verzoek.State).ThrowIfRefused();
        var user = context.GetHttpContext().User;
        var now = clock.GetUtcNow();
        verzoek.State = VerzoekState.PickedUp;
        verzoek.PickedUpBy = user.SubjectId();
        verzoek.PickedUpAt = now;
        verzoek.Version++;
        db.Publish(new HerbeoordelingsverzoekPickedUp(verzoek.VerzoekId, verzoek.ClientId, verzoek.AreaTeam, verzoek.PickedUpBy, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        return new PickUpHerbeoordelingsverzoekResponse { Verzoek = SmzMapper.ToProto(verzoek) };
    }

    /// <summary>Whether the AO% changed is derived from the herbeoordeling and the beoordeling before it, not typed in.</summary>
    [Authorize(Roles = Roles.Verzekeringsarts + "," + Roles.Arbeidsdeskundige + "," + Roles.Teamleider)]
    [PersonalData("smz", Writes = true)]
    public override async Task<AnswerHerbeoordelingsverzoekResponse> AnswerHerbeoordelingsverzoek(AnswerHerbeoordelingsverzoekRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var beoordelingId = Require.Id(request.BeoordelingId, "beoordeling_id");
        var outcome = Require.Text(request.Outcome, "outcome", SmzDbContext.MaxText);
        var verzoek = await LoadVerzoekAsync(request.VerzoekId, request.ExpectedVersion, context);
        var all = await db.Beoordelingen.AsNoTracking().Where(b => b.ClientId == verzoek.ClientId).ToListAsync(ct);
        var herbeoordeling = all.FirstOrDefault(b => b.BeoordelingId == beoordelingId)
            ?? throw RpcErrors.NotFound("beoordeling of this client", request.BeoordelingId);
        var current = SmzMapper.Outcome(herbeoordeling);
        var previous = AoKlassen.Previous(all.Select(SmzMapper.Outcome), current);
        VerzoekRules.Answer(verzoek.State, herbeoordeling.Type, herbeoordeling.RecordedAt, verzoek.ReceivedAt, previous is not null).ThrowIfRefused();

        var now = clock.GetUtcNow();
        verzoek.State = VerzoekState.Answered;
        verzoek.AnsweredAt = now;
        verzoek.BeoordelingId = beoordelingId;
        verzoek.AoChanged = AoKlassen.Changed(previous!, current);
        verzoek.Outcome = outcome;
        verzoek.Version++;
        await SmzNormDeadlines.ResolveHerbeoordelingsverzoekAsync(db, verzoek, now, ct);
        db.Publish(new HerbeoordelingsverzoekAnswered(verzoek.VerzoekId, verzoek.ClientId, verzoek.AreaTeam, verzoek.AoChanged, outcome, now), now);
        await db.SaveChangesAsync(ct);
        return new AnswerHerbeoordelingsverzoekResponse { Verzoek = SmzMapper.ToProto(verzoek) };
    }

    private async Task<SmzVerzoekRecord> LoadVerzoekAsync(string rawId, long expectedVersion, ServerCallContext context)
    {
        var id = Require.Id(rawId, "verzoek_id");
        var verzoek = await db.Herbeoordelingsverzoeken.FirstOrDefaultAsync(v => v.VerzoekId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("herbeoordelingsverzoek", rawId);
        context.AuditClient(verzoek.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, verzoek.AreaTeam);
        ExpectedVersion.Check(expectedVersion, verzoek.Version, "herbeoordelingsverzoek");
        return verzoek;
    }
}
