using System.Net;
using System.Text;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Data;
using Uwv.ServiceDefaults.Persistence;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>
/// Every public gRPC and JSON method of every service, through the gateway, with hostile input: each answer is a
/// clear status (never UNKNOWN, INTERNAL or a 5xx), and nothing is written anywhere.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class HostileInputTests(EmbeddedPlatformFixture platform)
{
    private static readonly StatusCode[] Unclear = [StatusCode.Unknown, StatusCode.Internal, StatusCode.DataLoss, StatusCode.Unimplemented];

    public static readonly string[] HostileStrings =
    [
        "",
        " ",
        "'; DROP TABLE clients; --",
        "\" OR 1=1 --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "${jndi:ldap://x/a}",
        "\u0000\u0001\u0002",
        "\u202Eevil\u202C",
        "\uD83D\uDE00\uD83D\uDE00 zalgo Z̷̢̧a̶̛l̸g̵o",
        "\uFFFF\uFFFE",
        "123456782",
        "00000000-0000-0000-0000-000000000000",
        "-1",
        "9999999999999999999999",
        new string('x', 5000),
    ];

    public static IEnumerable<MethodDescriptor> PublicMethods() =>
        typeof(Uwv.Contracts.Klantbeeld.V1.KlantbeeldService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor")?.GetValue(null) is FileDescriptor)
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .Where(f => f.Package.StartsWith("uwv.", StringComparison.Ordinal))
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Where(m => !m.IsClientStreaming && !m.IsServerStreaming);

    [Fact]
    public void TheContracts_HaveMethodsToAttack() => PublicMethods().Count().ShouldBeGreaterThan(10);

    [Fact]
    public async Task EveryGrpcMethod_WithHostileValues_AnswersAClearStatus_AndWritesNothing()
    {
        var before = await Writes();
        var failures = new List<string>();
        foreach (var method in PublicMethods())
        {
            foreach (var request in HostileRequests(method))
            {
                foreach (var user in new[] { "teamleider.arnhem-noord", "adviseur-werk.arnhem-zuid" })
                {
                    var status = await Call(method, request, platform.Client.As(user));
                    if (Unclear.Contains(status))
                    {
                        failures.Add($"{method.FullName} as {user}: {status} for {Describe(request)}");
                    }
                }
            }
        }
        failures.ShouldBeEmpty();
        (await Writes()).ShouldBe(before);
    }

    [Fact]
    public async Task EveryGrpcMethod_WithGarbageBytes_OversizedMessage_OrBadTokens_AnswersAClearStatus()
    {
        var failures = new List<string>();
        var expired = platform.Client.Issuer.Issue("expired", "teamleider", "TEAM", "arnhem-noord", lifetime: TimeSpan.FromSeconds(-120));
        var forged = platform.Client.TokenFor("teamleider.arnhem-noord")[..^6] + "AAAAAA";
        foreach (var method in PublicMethods())
        {
            var garbage = await CallRaw(method, Encoding.UTF8.GetBytes("\u0008\u0096\u0001not protobuf at all"), platform.Client.As("teamleider.arnhem-noord"));
            Expect(garbage, method, "garbage bytes", failures, StatusCode.InvalidArgument, StatusCode.PermissionDenied, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.OK);
            var oversized = await CallRaw(method, new byte[2 * 1024 * 1024 + 17], platform.Client.As("teamleider.arnhem-noord"));
            Expect(oversized, method, "2 MiB message", failures, StatusCode.ResourceExhausted, StatusCode.InvalidArgument, StatusCode.PermissionDenied);
            foreach (var token in new[] { expired, forged, "not-a-jwt" })
            {
                var status = await Call(method, Empty(method), PlatformClient.Bearer(token));
                Expect(status, method, "bad token", failures, StatusCode.Unauthenticated);
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryJsonRoute_WithMalformedOrWrongTypedBodies_AnswersWithoutAServerError()
    {
        using var http = platform.Client.Http("teamleider.arnhem-noord");
        var failures = new List<string>();
        foreach (var method in PublicMethods())
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                failures.Add($"{method.FullName} has no JSON route");
                continue;
            }
            var (verb, template) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
                HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
                HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
                HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
                HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
                _ => (HttpMethod.Get, ""),
            };
            foreach (var pathValue in new[] { "x", "%00", "..%2F..%2Fetc", Uri.EscapeDataString("'; drop table x;--"), Guid.NewGuid().ToString() })
            {
                var path = System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", pathValue);
                foreach (var body in new[] { "{", "[]", "{\"clientId\": 12}", "{\"pageSize\": \"many\"}", "{\"division\": \"NOPE\"}", "null", new string('[', 5000) })
                {
                    // A fresh connection per request: a hostile request that makes Kestrel drop the connection must
                    // not be mistaken for a failure of the next one on a reused keep-alive connection.
                    using var request = new HttpRequestMessage(verb, path) { Headers = { ConnectionClose = true } };
                    if (verb != HttpMethod.Get && verb != HttpMethod.Delete)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }
                    HttpResponseMessage response;
                    try
                    {
                        response = await http.SendAsync(request);
                    }
                    catch (HttpRequestException ex)
                    {
                        failures.Add($"{verb} {path} body {body[..Math.Min(20, body.Length)]}: the connection failed ({ex.InnerException?.Message ?? ex.Message})");
                        continue;
                    }
                    using var _ = response;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{verb} {path} body {body[..Math.Min(20, body.Length)]}: {(int)response.StatusCode}");
                    }
                    var text = await response.Content.ReadAsStringAsync();
                    if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                    {
                        failures.Add($"{verb} {path}: the answer shows a stack trace");
                    }
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    private static void Expect(StatusCode status, MethodDescriptor method, string what, List<string> failures, params StatusCode[] allowed)
    {
        if (!allowed.Contains(status))
        {
            failures.Add($"{method.FullName} with {what}: {status}");
        }
    }

    private static IMessage Empty(MethodDescriptor method) => method.InputType.Parser.ParseFrom(ByteString.Empty);

    /// <summary>The empty message, then each hostile string in every string field, and out-of-range numbers and enums.</summary>
    private static IEnumerable<IMessage> HostileRequests(MethodDescriptor method)
    {
        yield return Empty(method);
        foreach (var value in HostileStrings)
        {
            var message = Empty(method);
            foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
            {
                if (field.FieldType == FieldType.String && !field.IsRepeated)
                {
                    field.Accessor.SetValue(message, value);
                }
            }
            yield return message;
        }
        var numbers = Empty(method);
        foreach (var field in numbers.Descriptor.Fields.InDeclarationOrder().Where(f => !f.IsRepeated))
        {
            switch (field.FieldType)
            {
                case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                    field.Accessor.SetValue(numbers, int.MinValue);
                    break;
                case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                    field.Accessor.SetValue(numbers, long.MinValue);
                    break;
                case FieldType.Enum:
                    field.Accessor.SetValue(numbers, 999);
                    break;
                case FieldType.Double:
                    field.Accessor.SetValue(numbers, double.NaN);
                    break;
            }
        }
        yield return numbers;
    }

    private async Task<StatusCode> Call(MethodDescriptor method, IMessage request, Metadata headers) =>
        await CallRaw(method, request.ToByteArray(), headers);

    private async Task<StatusCode> CallRaw(MethodDescriptor method, byte[] payload, Metadata headers)
    {
        var grpcMethod = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        try
        {
            await platform.Client.Invoker.AsyncUnaryCall(grpcMethod, null, new CallOptions(headers, deadline: DateTime.UtcNow.AddSeconds(30)), payload);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static string Describe(IMessage request)
    {
        var text = request.ToString() ?? "";
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>
    /// Rows in every service's outbox and the client register: any write would change one of them. The norm sweepers'
    /// own events are left out: they warn and escalate other tests' work on their own clock, not because of a call.
    /// </summary>
    private async Task<string> Writes()
    {
        string[] swept = [nameof(NormDeadlineWarned), nameof(NormDeadlineEscalated)];
        var counts = new List<string>();
        await using var scope = platform.App.Services.CreateAsyncScope();
        foreach (var type in ServiceDbContextTypes())
        {
            var db = (ServiceDbContext)scope.ServiceProvider.GetRequiredService(type);
            counts.Add($"{type.Name}:{await db.OutboxMessages.CountAsync(m => !swept.Contains(m.MessageType))}");
        }
        var klantbeeld = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        counts.Add($"clients:{await klantbeeld.Clients.CountAsync()}");
        return string.Join(",", counts);
    }

    private static IEnumerable<Type> ServiceDbContextTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            // The services' contexts, not the small ones some tests build for themselves.
            .Where(a => a.GetName().Name is { } name && name.StartsWith("Uwv.", StringComparison.Ordinal)
                && !name.EndsWith("Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ServiceDbContext).IsAssignableFrom(t));
}
