using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Uwv.DeploymentTests.Infrastructure;
using Uwv.Testing;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>
/// Each service reaches only its own credentials on the cluster, and those credentials are its own accounts
/// (decision 0020): a secret per service, a Role naming that secret, no API token in the app container.
/// </summary>
public sealed partial class LeastPrivilegeTests
{
    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryProcess_RunsAsItsOwnServiceAccount_WithoutAnApiTokenInItsContainer(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var pod = d.PodTemplate()["spec"]!;
            var account = pod["serviceAccountName"]?.ToString();
            problems.Require(account == $"uwv-{d.Name()}", $"{d.Name()}: serviceAccountName {account}, not its own uwv-{d.Name()}");
            problems.Require(pod["automountServiceAccountToken"]?.GetValue<bool>() == false, $"{d.Name()}: automountServiceAccountToken must be false");
            problems.Require(objects.OfKind("ServiceAccount").Any(a => a.Name() == account), $"{d.Name()}: ServiceAccount {account} is not in the overlay");
        }
        objects.OfKind("ServiceAccount").Where(a => a["automountServiceAccountToken"]?.GetValue<bool>() != false)
            .Select(a => $"ServiceAccount {a.Name()} mounts its token by default").ShouldBeEmpty();
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryService_ReadsOnlyItsOwnSecret_ByName(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var role in objects.OfKind("Role"))
        {
            foreach (var rule in role["rules"]?.AsArray() ?? [])
            {
                var names = Strings(rule?["resourceNames"]);
                var verbs = Strings(rule?["verbs"]);
                problems.Require(names.Count > 0, $"Role {role.Name()}: a rule without resourceNames reaches every object of its kind");
                problems.Require(verbs.SequenceEqual(["get"]), $"Role {role.Name()}: verbs [{string.Join(", ", verbs)}]; only get can be limited by name");
            }
        }
        foreach (var service in Platform.Services)
        {
            var secret = $"uwv-{service}-secrets";
            problems.Require(objects.OfKind("Secret").Any(s => s.Name() == secret), $"{service}: no Secret {secret}");
            problems.Require(SecretsReadableBy(objects, $"uwv-{service}").SequenceEqual([secret]),
                $"{service}: its service account reads [{string.Join(", ", SecretsReadableBy(objects, $"uwv-{service}"))}], not only {secret}");
            problems.Require(Env(objects.Named("Deployment", service), "Dapr__Secret") == secret, $"{service}: Dapr__Secret must name {secret}");
        }
        SecretsReadableBy(objects, $"uwv-{Platform.Gateway}").ShouldBeEmpty("the gateway holds no secret");
        Env(objects.Named("Deployment", Platform.Gateway), "Dapr__SecretStore").ShouldBe(ServiceDefaults.DaprSecretStoreExtensions.NoStore);
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryServicesSecret_LogsInWithItsOwnAccounts(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var service in Platform.Services)
        {
            var data = Decoded(objects.Named("Secret", $"uwv-{service}-secrets"));
            problems.Require(User(data.GetValueOrDefault($"ConnectionStrings__{service}")) == ServiceAccounts.PostgresRole(service),
                $"{service}: its database login must be {ServiceAccounts.PostgresRole(service)}");
            problems.Require(BrokerUser(data.GetValueOrDefault("ConnectionStrings__rabbitmq")) == ServiceAccounts.RabbitMqUser(service),
                $"{service}: its broker login must be {ServiceAccounts.RabbitMqUser(service)}");
            problems.Require(!data.ContainsKey("ConnectionStrings__postgres"), $"{service}: no shared server login (ConnectionStrings__postgres)");
            var otherDatabases = data.Keys.Where(k => Platform.Services.Any(s => s != service && k == $"ConnectionStrings__{s}")).ToList();
            problems.Require(otherDatabases.Count == 0, $"{service}: holds another service's login: {string.Join(", ", otherDatabases)}");
        }
        var klantbeeld = Decoded(objects.Named("Secret", "uwv-klantbeeld-secrets"));
        User(klantbeeld.GetValueOrDefault("ConnectionStrings__audit")).ShouldBe(ServiceAccounts.AuditWriter);
        User(klantbeeld.GetValueOrDefault("ConnectionStrings__auditOwner")).ShouldBe(ServiceAccounts.AuditOwner);
        User(klantbeeld.GetValueOrDefault("ConnectionStrings__AuditRetention")).ShouldBe(ServiceAccounts.AuditRetention);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void SecretExamples_HoldNoPassword()
    {
        foreach (var service in Kustomize.ServicesWithSecrets())
        {
            var text = File.ReadAllText(Repo.PathOf("k8s", "base", service, "secrets.env.example"));
            PasswordValue().Matches(text).Select(m => m.Groups["value"].Value).Distinct().ShouldBe(["CHANGE-ME"], $"{service}: example passwords");
        }
    }

    [Fact]
    public void AuditPublishers_AreExactlyTheServicesThatServePersonalData()
    {
        var script = File.ReadAllText(Repo.PathOf("scripts", "servers.sh"));
        var listed = AuditPublishersLine().Match(script).Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var serving = Platform.Services.Where(ServesPersonalData).ToList();

        listed.ShouldBe(serving, ignoreOrder: true, "scripts/servers.sh AUDIT_PUBLISHERS must name the services with [PersonalData] methods");
        ServiceAccounts.AuditPublishers.ShouldBe(serving, ignoreOrder: true, "tests/Uwv.Testing ServiceAccounts.AuditPublishers");
    }

    private static bool ServesPersonalData(string service)
    {
        var folder = Directory.GetDirectories(Repo.PathOf("services")).Single(d => string.Equals(Path.GetFileName(d), service, StringComparison.OrdinalIgnoreCase));
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.ReadAllText(f).Contains("[PersonalData(", StringComparison.Ordinal));
    }

    private static List<string> SecretsReadableBy(IReadOnlyList<JsonObject> objects, string account)
    {
        var roles = objects.OfKind("RoleBinding")
            .Where(b => (b["subjects"]?.AsArray() ?? []).Any(s => s?["kind"]?.ToString() == "ServiceAccount" && s["name"]?.ToString() == account))
            .Select(b => b["roleRef"]!["name"]!.ToString())
            .ToHashSet();
        return objects.OfKind("Role").Where(r => roles.Contains(r.Name()))
            .SelectMany(r => r["rules"]?.AsArray() ?? [])
            .Where(rule => Strings(rule?["resources"]).Contains("secrets"))
            .SelectMany(rule => Strings(rule?["resourceNames"]))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> Strings(JsonNode? array) => (array?.AsArray() ?? []).Select(x => x!.ToString()).ToList();

    private static string? Env(JsonObject deployment, string name) =>
        deployment.Containers().SelectMany(c => c["env"]?.AsArray() ?? []).FirstOrDefault(e => e?["name"]?.ToString() == name)?["value"]?.ToString();

    private static Dictionary<string, string> Decoded(JsonObject secret) =>
        secret["data"].StringMap().ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(Convert.FromBase64String(p.Value.Replace("\n", "", StringComparison.Ordinal))));

    private static string? User(string? connectionString) =>
        connectionString is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Username;

    private static string? BrokerUser(string? uri) =>
        uri is null ? null : Uri.UnescapeDataString(new Uri(uri).UserInfo.Split(':')[0]);

    [GeneratedRegex(@"Password=(?<value>[^;]*)|:(?<value>[^:@/]+)@|password=(?<value>[^,]*)")]
    private static partial Regex PasswordValue();

    [GeneratedRegex(@"^AUDIT_PUBLISHERS=\((?<list>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex AuditPublishersLine();
}
