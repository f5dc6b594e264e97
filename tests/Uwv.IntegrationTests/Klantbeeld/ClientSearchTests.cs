using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary>
/// Finding a client by name, BSN or client number: case workers within their own area team, the privacy officer in
/// every team; the look-up is audited (naming the client when it found exactly one) and never answers the BSN.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientSearchTests(EmbeddedPlatformFixture platform)
{
    private const string Procesbegeleider = "procesbegeleider.arnhem-noord";

    private async Task<(string ClientId, string Bsn, string Name)> Register(string postcode, string name)
    {
        var bsn = TestData.NewBsn();
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(), Bsn = bsn, Name = name, DateOfBirth = "1975-03-04", Postcode = postcode,
        }, platform.Client.As(Procesbegeleider));
        return (registered.ClientId, bsn, name);
    }

    private Task<SearchClientsResponse> Search(string query, string user) =>
        platform.Client.Klantbeeld.SearchClientsAsync(new SearchClientsRequest { Query = query }, platform.Client.As(user)).ResponseAsync;

    [Fact]
    public async Task Search_ByBsnNameOrClientNumber_FindsTheClient_WithoutAnsweringTheBsn()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var client = await Register(TestData.NoordPostcode, $"Fenna Zoekmans {marker}");
        var spaced = $"{client.Bsn[..4]} {client.Bsn[4..6]} {client.Bsn[6..]}";

        var byBsn = await Search(spaced, Procesbegeleider);
        var byName = await Search($"zoekmans {marker.ToUpperInvariant()}", Procesbegeleider);
        var byNumber = await Search(client.ClientId, Procesbegeleider);

        foreach (var found in new[] { byBsn, byName, byNumber })
        {
            var match = found.Clients.ShouldHaveSingleItem();
            (match.ClientId, match.Name, match.DateOfBirth, match.AreaTeam).ShouldBe((client.ClientId, client.Name, "1975-03-04", "arnhem-noord"));
            found.ToString().ShouldNotContain(client.Bsn);
        }
    }

    [Fact]
    public async Task Search_ByACaseWorker_FindsOnlyTheirOwnTeam_ThePrivacyOfficerFindsEveryTeam()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var zuid = await Register(TestData.ZuidPostcode, $"Gijs Elders {marker}");

        (await Search(zuid.Bsn, Procesbegeleider)).Clients.ShouldBeEmpty();
        (await Search($"Elders {marker}", "procesbegeleider.arnhem-zuid")).Clients.ShouldHaveSingleItem().ClientId.ShouldBe(zuid.ClientId);
        (await Search(zuid.Bsn, "privacy-officer")).Clients.ShouldHaveSingleItem().ClientId.ShouldBe(zuid.ClientId);
        var manager = await Should.ThrowAsync<RpcException>(() => Search(zuid.Bsn, "manager"));
        manager.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task LookUp_IsAudited_NamingTheClientItFound_ButNeverTheBsn()
    {
        var client = await Register(TestData.NoordPostcode, $"Hanna Gezocht {Guid.NewGuid().ToString("N")[..8]}");

        await Search(client.Bsn, "privacy-officer");

        var log = await Eventually.Until(
            () => platform.Client.Klantbeeld.ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = client.ClientId }, platform.Client.As("privacy-officer")).ResponseAsync,
            r => r.Entries.Any(e => e.Method == "SearchClients"), what: "the look-up in the audit log");
        var entry = log.Entries.First(e => e.Method == "SearchClients");
        (entry.Subject, entry.Outcome).ShouldBe(("privacy-officer", "allowed"));
        entry.Fields.ShouldContain("person");
        log.ToString().ShouldNotContain(client.Bsn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345")]
    [InlineData("x")]
    public async Task Search_WithAQueryThatIsNoNameBsnOrNumber_IsInvalidArgumentOnQuery(string query)
    {
        var ex = await Should.ThrowAsync<RpcException>(() => Search(query, Procesbegeleider));

        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "query"));
    }
}
