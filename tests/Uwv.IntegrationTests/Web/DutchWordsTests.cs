using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Web;

/// <summary>
/// The web speaks Dutch: every state, status, outcome, data group, service and action the API can return has its
/// Dutch words in the web's one mapping (wwwroot/js/format.js). A new value on the server without its words fails here.
/// </summary>
public sealed partial class DutchWordsTests
{
    private static readonly string Mapping = File.ReadAllText(Path.Combine(RepoPaths.Root, "gateway", "Uwv.Gateway", "wwwroot", "js", "format.js"));

    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(Uwv.Handover.Grpc.HandoverKpiGrpcService).Assembly, typeof(Uwv.Klantbeeld.Domain.FieldGroups).Assembly,
        typeof(Uwv.Smz.Data.SmzDbContext).Assembly, typeof(Uwv.Uitkeren.Data.UitkerenDbContext).Assembly,
        typeof(Uwv.Werkbedrijf.Data.WerkbedrijfDbContext).Assembly, typeof(Uwv.BezwaarBeroep.Data.BezwaarBeroepDbContext).Assembly,
    ];

    [Fact]
    public void EveryHandoverState_HasDutchWords() =>
        Missing("HANDOVER_STATES", Constants(typeof(Uwv.Handover.Domain.HandoverStates))).ShouldBeEmpty();

    [Fact]
    public void EveryStepOfAHandoversHistory_AndEveryEscalationCause_HasDutchWords()
    {
        Missing("HANDOVER_STEPS", Constants(typeof(Uwv.Handover.Domain.HistorySteps))).ShouldBeEmpty();
        Missing("ESCALATION_CAUSES", [Uwv.Handover.Domain.HandoverDecider.AcceptanceSla, Uwv.Handover.Domain.HandoverDecider.ReturnFollowUpSla,
            Uwv.Handover.Domain.HandoverDecider.PingPongCause]).ShouldBeEmpty();
        Missing("ESCALATION_LEVELS", [Uwv.Handover.Domain.HandoverDecider.Teamleider, Uwv.Handover.Domain.HandoverDecider.Manager]).ShouldBeEmpty();
        Missing("PING_PONG_KINDS", [Uwv.Handover.Domain.PingPong.Direct, Uwv.Handover.Domain.PingPong.Indirect]).ShouldBeEmpty();
    }

    [Fact]
    public void EveryDossierStatus_HasDutchWords() => Missing("DOSSIER_STATUSES", DossierStatuses.All).ShouldBeEmpty();

    [Fact]
    public void EveryNorm_HasDutchWords() => Missing("NORMS", Norms.All).ShouldBeEmpty();

    [Fact]
    public void EveryAuditOutcome_HasDutchWords() => Missing("AUDIT_OUTCOMES", AuditOutcomes.All).ShouldBeEmpty();

    [Fact]
    public void EveryApiAction_AndEveryService_HasDutchWords()
    {
        var services = ContractServices();
        Missing("METHODS", services.SelectMany(s => s.Methods).Select(m => m.Name).Append("ReplayErrorQueue")).ShouldBeEmpty();
        Missing("SERVICES", services.Select(s => s.FullName).Append("replay-errors")).ShouldBeEmpty();
    }

    [Fact]
    public void EveryDataGroupTheAuditLogRecords_HasDutchWords()
    {
        var declared = ServiceAssemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<AuditedAttribute>())
            .SelectMany(a => a.Fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var groups = declared.Concat(Constants(typeof(Uwv.Klantbeeld.Domain.FieldGroups)))
            .Append(AuditRecorder.NothingServed).Append("error-queue-replay").ToList();
        groups.ShouldContain("person");
        Missing("DATA_GROUPS", groups).ShouldBeEmpty();
    }

    [Fact]
    public void TheMappingReader_FindsKeysOnly_NotWordsInsideTheDutchText() =>
        Keys("RETURN_REASONS").ShouldBe(
            ["RETURN_REASON_INCOMPLETE_DOSSIER", "RETURN_REASON_WRONG_DIVISION", "RETURN_REASON_CLIENT_NOT_READY", "RETURN_REASON_NAZORG_INSUFFICIENT",
             "RETURN_REASON_OTHER", "incomplete-dossier", "wrong-division", "client-not-ready", "nazorg-insufficient", "other"], ignoreOrder: true);

    private static List<string> Missing(string mapping, IEnumerable<string> values)
    {
        var keys = Keys(mapping);
        return values.Distinct().Where(v => !keys.Contains(v)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The keys of <c>export const NAME = { ... };</c> in the mapping: a quoted string or a name, right after '{' or ','.</summary>
    private static HashSet<string> Keys(string name)
    {
        var start = Mapping.IndexOf($"export const {name} = {{", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"format.js has no mapping {name}");
        var end = Mapping.IndexOf("\n};", start, StringComparison.Ordinal);
        var body = LineComment().Replace(Mapping[(start + $"export const {name} = ".Length)..end], "");
        return KeyPattern().Matches(body).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["n"].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"[{,]\s*(?:'(?<q>[^'\\]*)'|(?<n>[A-Za-z_$][\w$]*))\s*:")]
    private static partial Regex KeyPattern();

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static List<ServiceDescriptor> ContractServices() =>
        typeof(Uwv.Contracts.Handover.V1.HandoverService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .Select(p => (ServiceDescriptor)p!.GetValue(null)!)
            .ToList();
}
