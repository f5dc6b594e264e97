using System.Text.Json;
using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary>"What did employee Y look at": the audit query filters by the employee (the token's subject).</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class AuditByEmployeeTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task AuditQuery_BySubject_ListsOnlyThatEmployeesCalls_OverGrpcAndOverJson()
    {
        var employee = "jurist.audit-" + Guid.NewGuid().ToString("N")[..8];
        var colleague = "jurist.audit-" + Guid.NewGuid().ToString("N")[..8];
        var clients = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await platform.Service<IBus>().Publish(new PersonalDataAccessedBatch([
            Record(employee, clients[0], "GetKlantbeeld"),
            Record(employee, clients[1], "GetDossier"),
            Record(colleague, clients[0], "GetKlantbeeld"),
        ]));
        var c = platform.Client;

        var page = await Eventually.Until(
            () => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { Subject = employee }, c.As("privacy-officer")).ResponseAsync,
            r => r.Entries.Count == 2, what: "the employee's two audit entries");
        page.Entries.ShouldAllBe(e => e.Subject == employee);
        page.Entries.Select(e => e.ClientId).ShouldBe(clients.Select(id => id.ToString()), ignoreOrder: true);

        using var http = c.Http("privacy-officer");
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/audit?subject={employee}&clientId={clients[0]}"));
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => (e.GetProperty("subject").GetString(), e.GetProperty("method").GetString())).ShouldBe([(employee, "GetKlantbeeld")]);
    }

    private static PersonalDataAccessed Record(string subject, Guid clientId, string method) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, subject, "jurist", "arnhem-noord", clientId,
        "uwv.klantbeeld.v1.KlantbeeldService", method, "basis", "bezwaar behandelen", "allowed");
}
