using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Audit;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Data;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Klantbeeld.Grpc;

[Authorize]
public sealed class KlantbeeldGrpcService(
    Deferred<KlantbeeldDbContext> database,
    IKlantbeeldStore store,
    AreaTeamDirectory teams,
    Deferred<KlantbeeldOperations> operations,
    OfficeHours office,
    RefusedRegistrations refusals,
    RegisterTeams registerTeams,
    Deferred<AuditDbContext> auditLog,
    TimeProvider clock) : KlantbeeldService.KlantbeeldServiceBase
{
    // Resolved on first use: GetKlantbeeld, the hot read, uses neither database context (the register's team comes
    // from grouped lookups and the picture from the read model).
    private KlantbeeldDbContext Db => database.Value;

    [Authorize(Roles = Roles.CaseWorkers)]
    [PersonalData("person,address,bsn", Writes = true)]
    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var requestId = Require.RequestId(request.RequestId);
        var caller = context.GetHttpContext().User;
        // A request id belongs to its caller: another employee's same id is a new request; a repeat is authorized again.
        if (requestId is not null && await Db.Clients.AsNoTracking()
                .FirstOrDefaultAsync(c => c.RegisteredBy == caller.SubjectId() && c.RequestId == requestId, context.CancellationToken) is { } repeat)
        {
            context.AuditClient(repeat.ClientId);
            TeamScope.EnsureSameTeam(caller, repeat.AreaTeam);
            return new RegisterClientResponse { ClientId = repeat.ClientId.ToString(), AreaTeam = repeat.AreaTeam };
        }
        if (!Bsn.IsValid(request.Bsn))
        {
            throw RpcErrors.InvalidArgument("bsn", "must be nine digits that pass the elfproef");
        }
        var name = Require.Text(request.Name, "name", 200);
        var dateOfBirth = DateOfBirth.Parse(request.DateOfBirth, office.DateOf(clock.GetUtcNow()));
        if (!Postcode.TryNormalize(request.Postcode, out var postcode))
        {
            throw RpcErrors.InvalidArgument("postcode", "must be a Dutch postcode such as 6811 AB");
        }
        var team = teams.TeamFor(postcode)
            ?? throw RpcErrors.FailedPrecondition("postcode-in-area", "the postcode is outside every area team's postcode area");
        var user = context.GetHttpContext().User;
        if (!await refusals.MayRegisterAsync(user.SubjectId(), auditLog.Value, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"more than {refusals.RefusalsPerHour} registrations of already registered BSNs in the last hour; try again later"));
        }
        await RefuseKnownBsnAsync(request.Bsn, user, context);
        var now = clock.GetUtcNow();
        var client = new ClientRecord
        {
            ClientId = Guid.NewGuid(),
            Bsn = request.Bsn,
            Name = name,
            DateOfBirth = dateOfBirth,
            Postcode = postcode,
            AreaTeam = team.Id,
            RegisteredAt = now,
            RequestId = requestId,
            RegisteredBy = user.SubjectId(),
        };
        Db.Clients.Add(client);
        Db.Publish(new ClientRegistered(client.ClientId, client.Bsn, client.Name, client.DateOfBirth, client.Postcode, client.AreaTeam, now), now);
        // The request carries no client id yet: the audit record, which commits with this save, names the client registered.
        context.AuditClient(client.ClientId);
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent registration of the same BSN (or request id) won the unique index.
            Db.ChangeTracker.Clear();
            await RefuseKnownBsnAsync(request.Bsn, user, context);
            throw RpcErrors.AlreadyExists("a client with this BSN is already registered");
        }
        return new RegisterClientResponse { ClientId = client.ClientId.ToString(), AreaTeam = client.AreaTeam };
    }

    [Authorize(Roles = Roles.CaseWorkers)]
    [PersonalData("address", Writes = true)]
    public override async Task<MoveClientResponse> MoveClient(MoveClientRequest request, ServerCallContext context)
    {
        var clientId = Require.Id(request.ClientId, "client_id");
        if (!Postcode.TryNormalize(request.NewPostcode, out var postcode))
        {
            throw RpcErrors.InvalidArgument("new_postcode", "must be a Dutch postcode such as 6811 AB");
        }
        var client = await Db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken)
            ?? throw RpcErrors.NotFound("client", request.ClientId);
        var user = context.GetHttpContext().User;
        TeamScope.EnsureSameTeam(user, client.AreaTeam);
        var team = teams.TeamFor(postcode)
            ?? throw RpcErrors.FailedPrecondition("postcode-in-area", "the new postcode is outside every area team's postcode area");
        var oldTeam = client.AreaTeam;
        if (client.Postcode == postcode)
        {
            // Repeating a move changes nothing.
            return new MoveClientResponse { OldAreaTeam = oldTeam, NewAreaTeam = oldTeam };
        }
        var now = clock.GetUtcNow();
        Db.Publish(new ClientMoved(clientId, client.Postcode, postcode, oldTeam, team.Id, user.SubjectId(), now), now);
        client.Postcode = postcode;
        client.AreaTeam = team.Id;
        // Stamped before and after the commit, so no read after the commit is given the team remembered from before it.
        await store.BeginRegisterChangeAsync(clientId, context.CancellationToken);
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        finally
        {
            await store.EndRegisterChangeAsync(clientId, CancellationToken.None);
        }
        return new MoveClientResponse { OldAreaTeam = oldTeam, NewAreaTeam = team.Id };
    }

    [Authorize(Roles = Roles.CaseWorkers)]
    [PersonalData("address")]
    public override async Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context)
    {
        var clientId = Require.Id(request.ClientId, "client_id");
        var client = await Db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken)
            ?? throw RpcErrors.NotFound("client", request.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, client.AreaTeam);
        return new GetClientResponse
        {
            Client = new ClientSummary { ClientId = client.ClientId.ToString(), Postcode = client.Postcode, AreaTeam = client.AreaTeam },
        };
    }

    [Authorize(Roles = Roles.CaseWorkers)]
    [PersonalData("worklist")]
    public override async Task<ListWorklistResponse> ListWorklist(ListWorklistRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        DivisionCode? division = request.Division == Contracts.Common.V1.Division.Unspecified
            ? null
            : Enum.IsDefined((DivisionCode)request.Division) ? (DivisionCode)request.Division
            : throw RpcErrors.InvalidArgument("division", "is not a division");
        var employee = Require.OptionalText(request.Employee, "employee", 200);
        var kind = Require.OptionalText(request.Kind, "kind", 40);
        var user = context.GetHttpContext().User;
        var team = user.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var stand = Require.OptionalText(request.Stand, "stand", 40);
        var now = clock.GetUtcNow();
        var dueBefore = WorklistDue.All.Contains(request.Due) || string.IsNullOrEmpty(request.Due)
            ? WorklistDue.Before(request.Due, now, office)
            : throw RpcErrors.InvalidArgument("due", $"must be empty or one of {string.Join(", ", WorklistDue.All)}");
        var filter = new WorklistFilter(division, employee, kind) { Stand = stand, DueBefore = dueBefore };
        var page = await store.ListWorklistAsync(team, filter, offset, size, context.CancellationToken);
        var response = new ListWorklistResponse
        {
            Total = page.Total,
            NextPageToken = offset + page.Items.Count < page.Total ? (offset + page.Items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        };
        response.Items.AddRange(page.Items.Select(i => KlantbeeldMapper.ToProto(i, now)));
        return response;
    }

    /// <summary>
    /// The look-up of a client: a case worker finds clients of their own area team only, the privacy officer in every
    /// team. Audited as a read of "person"; when it finds exactly one client, the audit record names that client.
    /// </summary>
    [Authorize(Roles = Roles.CaseWorkers + "," + Roles.PrivacyOfficer)]
    [PersonalData("person")]
    public override async Task<SearchClientsResponse> SearchClients(SearchClientsRequest request, ServerCallContext context)
    {
        var (query, invalid) = ClientQuery.Parse(request.Query);
        if (query is null)
        {
            throw RpcErrors.InvalidArgument("query", invalid!);
        }
        var user = context.GetHttpContext().User;
        var clients = Db.Clients.AsNoTracking();
        if (!user.IsInRole(Roles.PrivacyOfficer))
        {
            var team = user.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
            clients = clients.Where(c => c.AreaTeam == team);
        }
        clients = query.Kind switch
        {
            ClientQuery.Kinds.Bsn => clients.Where(c => c.Bsn == query.Value),
            ClientQuery.Kinds.ClientNumber => clients.Where(c => c.ClientId == Guid.Parse(query.Value)),
            _ => clients.Where(c => c.Name.ToLower().Contains(query.Value.ToLower())),
        };
        var found = await clients.OrderBy(c => c.Name).ThenBy(c => c.ClientId).Take(SearchLimit + 1).ToListAsync(context.CancellationToken);
        if (found.Count == 1)
        {
            context.AuditClient(found[0].ClientId);
        }
        var response = new SearchClientsResponse { More = found.Count > SearchLimit };
        response.Clients.AddRange(found.Take(SearchLimit).Select(c => new ClientMatch
        {
            ClientId = c.ClientId.ToString(), Name = c.Name, AreaTeam = c.AreaTeam,
            DateOfBirth = c.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        return response;
    }

    private const int SearchLimit = 20;

    [Authorize(Roles = Roles.PrivacyOfficer)]
    [AdministrativeAction("audit-log")]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        operations.Value.ListAuditEntriesAsync(request, context.CancellationToken);

    [Authorize(Roles = Roles.Beheerder)]
    [AdministrativeAction("klantbeeld-rebuild")]
    public override Task<RebuildKlantbeeldResponse> RebuildKlantbeeld(RebuildKlantbeeldRequest request, ServerCallContext context) =>
        operations.Value.RebuildAsync(request, context.GetHttpContext().User.SubjectId(), context.CancellationToken);

    [PersonalData("klantbeeld")]
    public override async Task<GetKlantbeeldResponse> GetKlantbeeld(GetKlantbeeldRequest request, ServerCallContext context)
    {
        var clientId = Require.Id(request.ClientId, "client_id");
        context.UserState[AuditInterceptor.PurposeKey] = InzageDoel.Require(request.Purpose, request.PurposeNote);
        var user = context.GetHttpContext().User;
        // The register, not the projection, says which team serves the client: a move counts from the moment it is
        // recorded. The register's stamp comes with the picture; a team remembered at the same stamp needs no query.
        var (doc, stamp) = await store.GetWithRegisterStampAsync(clientId, context.CancellationToken);
        var team = doc?.AreaTeam is null ? null : await registerTeams.AreaTeamOfAsync(clientId, stamp, context.CancellationToken);
        if (team is null)
        {
            throw RpcErrors.NotFound("klantbeeld of client", request.ClientId);
        }
        var decision = KlantbeeldAccess.Decide(user, team);
        if (!decision.Allowed)
        {
            throw RpcErrors.PermissionDenied(decision.Rule, decision.Reason);
        }
        context.UserState[AuditInterceptor.FieldsKey] = decision.GroupsText;
        return new GetKlantbeeldResponse { Klantbeeld = KlantbeeldMapper.ToProto(doc!, decision, clock.GetUtcNow(), office) };
    }

    /// <summary>
    /// A BSN someone registered already is refused. The audit record names the client it hit (for the privacy officer);
    /// the caller learns only that the BSN is taken, and each refusal counts towards their hourly limit.
    /// </summary>
    private async Task RefuseKnownBsnAsync(string bsn, System.Security.Claims.ClaimsPrincipal user, ServerCallContext context)
    {
        var known = await Db.Clients.AsNoTracking().Where(c => c.Bsn == bsn).Select(c => (Guid?)c.ClientId)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (known is { } clientId)
        {
            context.AuditClient(clientId);
            refusals.Refused(user.SubjectId());
            throw RpcErrors.AlreadyExists("a client with this BSN is already registered");
        }
    }
}
