using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Uwv.Klantbeeld.Audit;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Audit;

/// <summary>
/// A call refused by role never reaches the service's code, yet it is recorded as denied with the client the request
/// named, also over JSON: from the route (GET /api/v1/clients/{client_id}) and from the body (POST with body "*").
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class RoleRefusalAuditTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task RoleRefusal_OverJson_IsRecordedAsDenied_WithTheClientOfTheRouteOrTheBody()
    {
        var c = platform.Client;
        var clientId = await c.NewClientAsync("procesbegeleider.arnhem-noord");
        var manager = $"manager.refused-{Guid.NewGuid():N}";
        var jurist = $"jurist.refused-{Guid.NewGuid():N}";

        using var asManager = Http(c.Issuer.Issue(manager, "manager", "REGIO", "*"));
        (await asManager.GetAsync($"/api/v1/clients/{clientId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var asJurist = Http(c.Issuer.Issue(jurist, "jurist", "BB", "arnhem-noord"));
        (await asJurist.PostAsJsonAsync("/api/v1/smz/beoordelingen", new { clientId, fmlSummary = "Poging", decisionDate = "2026-11-02" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var records = await Eventually.Until(
            () => platform.InScope<AuditDbContext, List<AuditEntry>>(db =>
                db.Entries.AsNoTracking().Where(e => e.Subject == manager || e.Subject == jurist).ToListAsync()),
            r => r.Count == 2, what: "the two refusals in the audit log");
        var byManager = records.Single(r => r.Subject == manager);
        (byManager.Method, byManager.Outcome, byManager.Fields, byManager.ClientId).ShouldBe(("GetClient", "denied", "-", Guid.Parse(clientId)));
        var byJurist = records.Single(r => r.Subject == jurist);
        (byJurist.Service, byJurist.Method, byJurist.Outcome, byJurist.ClientId)
            .ShouldBe(("uwv.smz.v1.SmzService", "RecordBeoordeling", "denied", Guid.Parse(clientId)));
    }

    [Fact]
    public async Task RoleRefusal_WithAnUnreadableBody_IsStillRecorded_WithoutAClient()
    {
        var c = platform.Client;
        var jurist = $"jurist.garbage-{Guid.NewGuid():N}";
        using var asJurist = Http(c.Issuer.Issue(jurist, "jurist", "BB", "arnhem-noord"));
        using var garbage = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        (await asJurist.PostAsync("/api/v1/smz/beoordelingen", garbage)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var record = await Eventually.Until(
            () => platform.InScope<AuditDbContext, AuditEntry?>(db => db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Subject == jurist)),
            r => r is not null, what: "the refusal in the audit log");
        (record!.Method, record.Outcome, record.ClientId).ShouldBe(("RecordBeoordeling", "denied", (Guid?)null));
    }

    private HttpClient Http(string token)
    {
        var http = new HttpClient { BaseAddress = platform.Client.GatewayHttp };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
