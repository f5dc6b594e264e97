using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using static Uwv.IntegrationTests.Handover.HandoverFlow;

namespace Uwv.IntegrationTests.Handover;

/// <summary>Kwetsbaarheid is temporary: a signaal ends with a reason, or with the client's consent withdrawn; history kept.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class SignaalEndTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);
    private PlatformClient Client => _flow.Client;

    [Fact]
    public async Task EndedSignaal_IsNoLongerShownOrHandedOver_AndItsHistoryIsKept()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var signaalId = await Record(clientId, "Schulden, veel post");
        await Eventually.Until(() => Picture(clientId), k => k.KwetsbaarheidSignalen.Count == 1, what: "the signaal in the klantbeeld");

        var noReason = await Fails(() => End(signaalId, ""));
        (noReason.StatusCode, noReason.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "reason"));
        var badId = await Fails(() => End("geen-id", "Opgelost"));
        (badId.StatusCode, badId.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "signaal_id"));
        (await Fails(() => End(Guid.NewGuid().ToString(), "Opgelost"))).StatusCode.ShouldBe(StatusCode.NotFound);
        var otherTeam = await Fails(() => Client.Handover.EndSignaalAsync(new EndSignaalRequest { SignaalId = signaalId, Reason = "Opgelost" },
            Client.As("procesbegeleider.arnhem-zuid")).ResponseAsync);
        otherTeam.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Row(signaalId)).EndedAt.ShouldBeNull();

        var ended = await End(signaalId, "Schuldhulpverlening loopt, post is op orde");

        ended.EndedAt.ShouldNotBeEmpty();
        var again = await Fails(() => End(signaalId, "Nog eens"));
        again.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(SignaalLifecycle.SignaalEndedRule);
        var row = await Row(signaalId);
        (row.Note, row.EndReason, row.EndedBy, row.ConsentWithdrawn).ShouldBe(("Schulden, veel post", "Schuldhulpverlening loopt, post is op orde", Procesbegeleider, false));
        var handover = await _flow.Request(clientId, dossierId);
        handover.WarmHandoverRequired.ShouldBeFalse();
        handover.Signalen.ShouldBeEmpty();
        await Eventually.Until(() => Picture(clientId), k => k.KwetsbaarheidSignalen.Count == 0, what: "the signaal gone from the klantbeeld");
    }

    [Fact]
    public async Task WithdrawnConsent_EndsEverySignaalOfTheClient_OnceAndIdempotently()
    {
        var (clientId, _) = await _flow.ClientWithSmzDossier();
        var first = await Record(clientId, "Recent gescheiden");
        var second = await Record(clientId, "Weinig steun van familie");
        await Eventually.Until(() => Picture(clientId), k => k.KwetsbaarheidSignalen.Count == 2, what: "both signalen in the klantbeeld");
        (await Fails(() => Withdraw("geen-id", null))).Trailers.GetValue(RpcErrors.FieldTrailer).ShouldBe("client_id");
        (await Fails(() => Withdraw(Guid.NewGuid().ToString(), null))).StatusCode.ShouldBe(StatusCode.NotFound);

        var requestId = Guid.NewGuid().ToString();
        var withdrawn = await Withdraw(clientId, requestId);

        withdrawn.EndedSignaalIds.Order().ShouldBe(new[] { first, second }.Order());
        (await Withdraw(clientId, requestId)).EndedSignaalIds.Order().ShouldBe(withdrawn.EndedSignaalIds.Order());
        (await Withdraw(clientId, null)).EndedSignaalIds.ShouldBeEmpty();
        foreach (var id in new[] { first, second })
        {
            var row = await Row(id);
            (row.ConsentWithdrawn, row.EndReason, row.EndedAt.HasValue).ShouldBe((true, SignaalLifecycle.ConsentWithdrawnReason, true));
        }
        var picture = await Eventually.Until(() => Picture(clientId), k => k.KwetsbaarheidSignalen.Count == 0, what: "the signalen gone from the klantbeeld");
        picture.ToString().ShouldNotContain("gescheiden");
    }

    private async Task<string> Record(string clientId, string note) =>
        (await Client.Handover.RecordSignaalAsync(new RecordSignaalRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId, Factor = KwetsbaarheidFactor.FinancieleDruk, Note = note, ClientConsent = true,
        }, Client.As(Procesbegeleider))).SignaalId;

    private async Task<EndSignaalResponse> End(string signaalId, string reason) =>
        await Client.Handover.EndSignaalAsync(new EndSignaalRequest { RequestId = Guid.NewGuid().ToString(), SignaalId = signaalId, Reason = reason },
            Client.As(Procesbegeleider));

    private async Task<WithdrawSignaalConsentResponse> Withdraw(string clientId, string? requestId) =>
        await Client.Handover.WithdrawSignaalConsentAsync(new WithdrawSignaalConsentRequest { RequestId = requestId ?? "", ClientId = clientId },
            Client.As(Procesbegeleider));

    private async Task<Contracts.Klantbeeld.V1.Klantbeeld> Picture(string clientId) =>
        (await Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" }, Client.As(Procesbegeleider))).Klantbeeld;

    private Task<SignaalRecord> Row(string signaalId) =>
        platform.InScope<HandoverDbContext, SignaalRecord>(db => db.Signalen.AsNoTracking().SingleAsync(s => s.SignaalId == Guid.Parse(signaalId)));
}
