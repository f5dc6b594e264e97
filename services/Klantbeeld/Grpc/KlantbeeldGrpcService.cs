using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.Klantbeeld.Data;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.Klantbeeld.Grpc;

[Authorize]
public sealed class KlantbeeldGrpcService(
    KlantbeeldDbContext db,
    IKlantbeeldStore store,
    AreaTeamDirectory teams,
    KlantbeeldOperations operations,
    TimeProvider clock) : KlantbeeldService.KlantbeeldServiceBase
{
    [Authorize(Roles = Roles.CaseWorkers)]
    [PersonalData("person,address,bsn", Writes = true)]
    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var requestId = Require.RequestId(request.RequestId);
        if (requestId is not null && await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == requestId, context.CancellationToken) is { } repeat)
        {
            return new RegisterClientResponse { ClientId = repeat.ClientId.ToString(), AreaTeam = repeat.AreaTeam };
        }
        if (!Bsn.IsValid(request.Bsn))
        {
            throw RpcErrors.InvalidArgument("bsn", "must be nine digits that pass the elfproef");
        }
        var name = Require.Text(request.Name, "name", 200);
        var dateOfBirth = DateOfBirth.Parse(request.DateOfBirth, clock.GetUtcNow());
        if (!Postcode.TryNormalize(request.Postcode, out var postcode))
        {
            throw RpcErrors.InvalidArgument("postcode", "must be a Dutch postcode such as 6811 AB");
        }
        var team = teams.TeamFor(postcode)
            ?? throw RpcErrors.FailedPrecondition("postcode-in-area", "the postcode is outside every area team's postcode area");
        if (await db.Clients.AnyAsync(c => c.Bsn == request.Bsn, context.CancellationToken))
        {
            throw RpcErrors.AlreadyExists("a client with this BSN is already registered");
        }

        var user = context.GetHttpContext().User;
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
        db.Clients.Add(client);
        db.Publish(new ClientRegistered(client.ClientId, client.Bsn, client.Name, client.DateOfBirth, client.Postcode, client.AreaTeam, now), now);
        // The request carries no client id yet: the audit record, which commits with this save, names the client registered.
        context.UserState[AuditInterceptor.ClientKey] = client.ClientId;
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent registration of the same BSN (or request id) won the unique index.
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
        var client = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken)
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
        db.Publish(new ClientMoved(clientId, client.Postcode, postcode, oldTeam, team.Id, user.SubjectId(), now), now);
        client.Postcode = postcode;
        client.AreaTeam = team.Id;
        await db.SaveChangesAsync(context.CancellationToken);
        return new MoveClientResponse { OldAreaTeam = oldTeam, NewAreaTeam = team.Id };
    }

    [Authorize(Roles = Roles.CaseWorkers)]
    [PersonalData("address")]
    public override async Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context)
    {
        var clientId = Require.Id(request.ClientId, "client_id");
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken)
            ?? throw RpcErrors.NotFound("client", request.ClientId);
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
        var user = context.GetHttpContext().User;
        var team = user.TeamOf() ?? throw RpcErrors.PermissionDenied("the caller belongs to no area team");
        var page = await store.ListWorklistAsync(team, new WorklistFilter(division, employee), offset, size, context.CancellationToken);
        var now = clock.GetUtcNow();
        var response = new ListWorklistResponse
        {
            Total = page.Total,
            NextPageToken = offset + page.Items.Count < page.Total ? (offset + page.Items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        };
        response.Items.AddRange(page.Items.Select(i => KlantbeeldMapper.ToProto(i, now)));
        return response;
    }

    [Authorize(Roles = Roles.PrivacyOfficer)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        operations.ListAuditEntriesAsync(request, context.CancellationToken);

    [Authorize(Roles = Roles.Beheerder)]
    public override Task<RebuildKlantbeeldResponse> RebuildKlantbeeld(RebuildKlantbeeldRequest request, ServerCallContext context) =>
        operations.RebuildAsync(request, context.GetHttpContext().User.SubjectId(), context.CancellationToken);

    [PersonalData("klantbeeld")]
    public override async Task<GetKlantbeeldResponse> GetKlantbeeld(GetKlantbeeldRequest request, ServerCallContext context)
    {
        var clientId = Require.Id(request.ClientId, "client_id");
        var purpose = Require.OptionalText(request.Purpose, "purpose", 500);
        var user = context.GetHttpContext().User;
        var doc = await store.GetAsync(clientId, context.CancellationToken);
        if (doc?.AreaTeam is null)
        {
            throw RpcErrors.NotFound("klantbeeld of client", request.ClientId);
        }
        var decision = KlantbeeldAccess.Decide(user, doc.AreaTeam);
        if (!decision.Allowed)
        {
            throw RpcErrors.PermissionDenied(decision.Reason);
        }
        context.UserState[AuditInterceptor.FieldsKey] = string.Join(',', decision.FieldGroups);
        return new GetKlantbeeldResponse { Klantbeeld = KlantbeeldMapper.ToProto(doc, decision.FieldGroups, clock.GetUtcNow()) };
    }
}
