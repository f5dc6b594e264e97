using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Uwv.Klantbeeld.Audit;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Audit;

/// <summary>
/// Every method of every service × every role × a client of the caller's own team and of another team, through the
/// gateway: the call is allowed or refused exactly as <see cref="AccessTable"/> says, and leaves the audit record it
/// must (the client, the outcome, the field groups), whether it was allowed, refused by role before reaching the
/// service's code, refused by the handler, or failed otherwise.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class AuditedAccessMatrixTests(EmbeddedPlatformFixture platform)
{
    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static AuditWorld? _world;

    private sealed record Call(AccessRow Row, string Role, TeamRelation Relation, Target Target, IMessage Request, string Subject, StatusCode Status, string Detail);

    [Fact]
    public void TheTable_CoversEveryMethodThePlatformServes()
    {
        var served = ((IEndpointRouteBuilder)platform.App).DataSources.SelectMany(d => d.Endpoints)
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .Where(m => m is not null && !m.ServiceName.StartsWith("grpc.", StringComparison.Ordinal))
            .Select(m => $"{m!.ServiceName}/{m.Name}")
            .ToHashSet();

        AccessTable.Rows.Select(r => $"{r.Method.Service.FullName}/{r.Method.Name}").ShouldBe(served, ignoreOrder: true);
    }

    [Fact]
    public async Task EveryMethod_EveryRole_OwnOtherAndFormerTeam_IsDecidedAsTheTableSays_AndLeavesItsAuditRecord()
    {
        var world = await WorldAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var calls = new List<Call>();
        var index = 0;
        foreach (var row in AccessTable.Rows)
        {
            var pending = new List<Task<Call>>();
            foreach (var role in AccessTable.AllRoles)
            {
                foreach (var relation in Enum.GetValues<TeamRelation>())
                {
                    pending.Add(CallAsync(row, role, relation, world.Targets[relation], $"matrix.{run}.{index++}"));
                }
            }
            calls.AddRange(await Task.WhenAll(pending));
        }

        var expectedRecords = calls.Where(c => c.Row.Audit != AuditShape.None).Select(c => (c.Subject, c.Row.Method.Name)).ToHashSet();
        var prefix = $"matrix.{run}.";
        var entries = await Eventually.Until(
            () => platform.InScope<AuditDbContext, List<AuditEntry>>(db => db.Entries.AsNoTracking().Where(e => e.Subject.StartsWith(prefix)).ToListAsync()),
            found => expectedRecords.IsSubsetOf(found.Select(e => (e.Subject, e.Method))),
            timeout: TimeSpan.FromSeconds(60), what: "an audit record of every audited call");

        var bySubject = entries.ToLookup(e => e.Subject);
        var problems = calls.SelectMany(c => Check(c, bySubject[c.Subject].Where(e => e.Method == c.Row.Method.Name && e.Service == c.Row.Method.Service.FullName).ToList()))
            .ToList();
        problems.ShouldBeEmpty($"{problems.Count} of {calls.Count} calls differ from the table:\n" + string.Join("\n", problems.Take(60)));
    }

    private static IEnumerable<string> Check(Call call, List<AuditEntry> records)
    {
        var row = call.Row;
        var what = $"{row.Name} as {call.Role} ({call.Relation} team) -> {call.Status} {call.Detail}";
        var allowed = row.Allows(call.Role, call.Relation);
        if (allowed == (call.Status == StatusCode.PermissionDenied))
        {
            yield return $"{what}: expected {(allowed ? "allowed" : "denied")}";
        }
        if (allowed && call.Status is StatusCode.NotFound || allowed && call.Status == StatusCode.InvalidArgument != row.SentInvalid)
        {
            yield return $"{what}: the request did not reach the check it tests";
        }
        if (row.Audit == AuditShape.None)
        {
            if (records.Count > 0)
            {
                yield return $"{what}: a method without personal data left an audit record";
            }
            yield break;
        }
        if (records.Count != 1)
        {
            yield return $"{what}: {records.Count} audit records, expected one";
            yield break;
        }
        var record = records[0];
        var outcome = AuditOutcomes.Of(call.Status);
        if (record.Outcome != outcome)
        {
            yield return $"{what}: audit outcome {record.Outcome}, expected {outcome}";
        }
        var fields = outcome == AuditOutcomes.Allowed ? row.Fields(call.Role) : AuditRecorder.NothingServed;
        if (!SameGroups(record.Fields, fields))
        {
            yield return $"{what}: audit fields {record.Fields}, expected {fields}";
        }
        var client = ExpectedClient(call);
        if (row.Audit == AuditShape.NewClient && outcome == AuditOutcomes.Allowed ? record.ClientId is null : record.ClientId != client)
        {
            yield return $"{what}: audit client {record.ClientId?.ToString() ?? "none"}, expected {client?.ToString() ?? (row.Audit == AuditShape.NewClient ? "the new client" : "none")}";
        }
        if (record.Role != call.Role || record.Team != TeamOf(call.Role))
        {
            yield return $"{what}: audit role/team {record.Role}/{record.Team}";
        }
    }

    /// <summary>
    /// The client the record must name: the target's for a call that reached the service's code; for a call refused by
    /// role before it, the client_id of the request if it has one (nothing was loaded to learn more).
    /// </summary>
    private static Guid? ExpectedClient(Call call) => call.Row.Audit switch
    {
        AuditShape.Client when call.Row.Roles.Contains(call.Role) => Guid.Parse(call.Target.ClientId),
        AuditShape.Client => call.Request.Descriptor.FindFieldByName("client_id")?.Accessor.GetValue(call.Request) is string id && id.Length > 0 ? Guid.Parse(id) : null,
        _ => null,
    };

    private static bool SameGroups(string actual, string expected) =>
        actual.Split(',').Order().SequenceEqual(expected.Split(',').Order());

    private async Task<Call> CallAsync(AccessRow row, string role, TeamRelation relation, Target target, string subject)
    {
        var request = row.Request(target);
        Fill(request, "request_id", Guid.NewGuid().ToString());
        Fill(request, "purpose", "dossierbehandeling");
        var division = DemoUsers.All.First(u => u.Role == role).Division;
        var token = platform.Client.Issuer.Issue(subject, role, division, TeamOf(role));
        var method = new Method<IMessage, IMessage>(MethodType.Unary, row.Method.Service.FullName, row.Method.Name,
            Marshaller(row.Method.InputType), Marshaller(row.Method.OutputType));
        try
        {
            await platform.Client.Invoker.AsyncUnaryCall(method, null, new CallOptions(PlatformClient.Bearer(token)), request).ResponseAsync;
            return new Call(row, role, relation, target, request, subject, StatusCode.OK, "");
        }
        catch (RpcException ex)
        {
            return new Call(row, role, relation, target, request, subject, ex.StatusCode, ex.Status.Detail);
        }
    }

    private static string TeamOf(string role) => role is AccessTable.MA or AccessTable.PO or AccessTable.BH ? "*" : AuditWorld.CallerTeam;

    private static void Fill(IMessage request, string field, string value)
    {
        if (request.Descriptor.FindFieldByName(field) is { FieldType: FieldType.String } f && string.IsNullOrEmpty(f.Accessor.GetValue(request) as string))
        {
            f.Accessor.SetValue(request, value);
        }
    }

    private static Marshaller<IMessage> Marshaller(MessageDescriptor type) =>
        Marshallers.Create(m => m.ToByteArray(), bytes => type.Parser.ParseFrom(bytes));

    private async Task<AuditWorld> WorldAsync()
    {
        await WorldLock.WaitAsync();
        try
        {
            return _world ??= await AuditWorld.CreateAsync(platform);
        }
        finally
        {
            WorldLock.Release();
        }
    }
}
