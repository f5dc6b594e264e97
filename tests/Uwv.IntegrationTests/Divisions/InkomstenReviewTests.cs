using Grpc.Core;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using Uwv.Uitkeren.Domain;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>Inkomsten signals are never dropped: a signal for a month without an uitkering is kept for review.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class InkomstenReviewTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);
    private UitkerenService.UitkerenServiceClient Api => _flow.Client.Uitkeren();
    private Metadata As(string user) => _flow.Client.As(user);

    [Fact]
    public async Task InkomstenSignaal_ForAMonthWithoutUitkering_IsKeptOnTheWorklist_UntilReviewed()
    {
        var clientId = await _flow.NewClient();

        var result = await Api.RecordInkomstenSignaalAsync(new() { ClientId = clientId, Period = "2026-02", IncomeCents = 90_000 }, As(Uitkeringsdeskundige));

        result.Verrekeningen.ShouldBeEmpty();
        result.Terugvordering.ShouldBeNull();
        var kept = result.Signaal;
        (kept.Status, kept.Period, kept.IncomeCents, kept.AreaTeam).ShouldBe((InkomstenSignaalRules.TeBeoordelen, "2026-02", 90_000L, "arnhem-noord"));
        var worklist = await _flow.InkomstenTeBeoordelen(Uitkeringsdeskundige);
        worklist.ShouldContain(s => s.SignaalId == kept.SignaalId);
        (await _flow.InkomstenTeBeoordelen("uitkeringsdeskundige.arnhem-zuid")).ShouldNotContain(s => s.SignaalId == kept.SignaalId);

        var noNote = await Fails(() => Review(kept.SignaalId, kept.Version, ""));
        (noNote.StatusCode, noNote.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "note"));
        (await Fails(() => Review(kept.SignaalId, 0, "x"))).Trailers.GetValue(RpcErrors.FieldTrailer).ShouldBe("expected_version");
        (await Fails(() => Review(Guid.NewGuid().ToString(), 1, "x"))).StatusCode.ShouldBe(StatusCode.NotFound);

        var reviewed = await Review(kept.SignaalId, kept.Version, "Uitkering liep toen niet; geen verrekening nodig");

        (reviewed.Status, reviewed.ReviewedBy).ShouldBe((InkomstenSignaalRules.Beoordeeld, Uitkeringsdeskundige));
        (await _flow.InkomstenTeBeoordelen(Uitkeringsdeskundige)).ShouldNotContain(s => s.SignaalId == kept.SignaalId);
        var twice = await Fails(() => Review(kept.SignaalId, reviewed.Version, "nog eens"));
        twice.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(InkomstenSignaalRules.ReviewOpenRule);
    }

    private async Task<InkomstenSignaal> Review(string signaalId, long version, string note) =>
        (await Api.CompleteInkomstenSignaalReviewAsync(new() { SignaalId = signaalId, ExpectedVersion = version, Note = note }, As(Uitkeringsdeskundige))).Signaal;
}
