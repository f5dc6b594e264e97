using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Domain;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Audit;

/// <summary>
/// Registering a BSN that is already registered tells the caller the person is a UWV client. The refusal is audited
/// with the client it hit (for the privacy officer, never for the caller), an employee is refused only a few times an
/// hour, and the privacy officer finds who probes through the audit query.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class RegistrationProbeTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task RefusedRegistrations_AreAuditedWithTheClientTheyHit_LimitedPerEmployee_AndFoundByThePrivacyOfficer()
    {
        var c = platform.Client;
        var prober = $"jurist.probe-{Guid.NewGuid():N}";
        var asProber = PlatformClient.Bearer(c.Issuer.Issue(prober, "jurist", "BB", "arnhem-zuid"));
        var known = new List<(string Bsn, string ClientId)>();
        for (var i = 0; i < RegistrationProbing.DefaultRefusalsPerHour; i++)
        {
            var bsn = TestData.NewBsn();
            var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
            {
                Bsn = bsn, Name = "Bekende Cliënt", DateOfBirth = "1970-01-01", Postcode = TestData.NoordPostcode,
            }, c.As("procesbegeleider.arnhem-noord"));
            known.Add((bsn, registered.ClientId));
        }

        foreach (var (bsn, clientId) in known)
        {
            var refused = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
            {
                Bsn = bsn, Name = "Probeersel", DateOfBirth = "1970-01-01", Postcode = TestData.ZuidPostcode,
            }, asProber).ResponseAsync);
            refused.StatusCode.ShouldBe(StatusCode.AlreadyExists);
            refused.Status.Detail.ShouldNotContain(clientId);
            refused.Trailers.ShouldNotContain(t => (t.IsBinary ? System.Text.Encoding.UTF8.GetString(t.ValueBytes) : t.Value).Contains(clientId, StringComparison.Ordinal));
        }

        // Over the limit: refused before the register is looked at, even for a BSN nobody registered.
        var limited = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Nieuw", DateOfBirth = "1970-01-01", Postcode = TestData.ZuidPostcode,
        }, asProber).ResponseAsync);
        limited.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        // Another employee is not limited by the prober's refusals.
        await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Nieuw", DateOfBirth = "1970-01-01", Postcode = TestData.ZuidPostcode,
        }, c.As("jurist.arnhem-zuid"));

        var probes = await Eventually.Until(
            () => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest
            {
                Subject = prober, Method = "RegisterClient", Outcome = "already_exists", PageSize = 100,
            }, c.As("privacy-officer")).ResponseAsync,
            r => r.Entries.Count == known.Count, what: "the refused registrations in the audit log");
        probes.Entries.Select(e => e.ClientId).ShouldBe(known.Select(k => k.ClientId), ignoreOrder: true);
        probes.Entries.ShouldAllBe(e => e.Fields == "-" && e.Team == "arnhem-zuid" && e.Role == "jurist");
        var all = await Eventually.Until(
            () => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { Subject = prober, PageSize = 100 }, c.As("privacy-officer")).ResponseAsync,
            r => r.Entries.Any(e => e.Outcome == "rate_limited"), what: "the rate-limited registration in the audit log");
        all.Entries.Single(e => e.Outcome == "rate_limited").ClientId.ShouldBeEmpty();
        foreach (var (bsn, _) in known)
        {
            all.ToString().ShouldNotContain(bsn);
        }

        (await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { Subject = prober }, asProber).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task AuditQuery_UnknownOutcome_IsInvalidArgumentNamingOutcome()
    {
        var c = platform.Client;
        var ex = await Should.ThrowAsync<RpcException>(() => c.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { Outcome = "maybe" }, c.As("privacy-officer")).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("outcome");
    }
}
