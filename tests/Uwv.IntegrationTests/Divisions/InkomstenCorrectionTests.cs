using Grpc.Core;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Testing;
using Uwv.Uitkeren.Domain;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;

namespace Uwv.IntegrationTests.Divisions;

/// <summary>
/// A corrected inkomsten signal for a month that already has one replaces it, with the history kept: only the
/// difference is set off, and a correction that lowers what a paid month recovered goes to review.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class InkomstenCorrectionTests(EmbeddedPlatformFixture platform)
{
    private readonly DivisionFlow _flow = new(platform);
    private UitkerenService.UitkerenServiceClient Api => _flow.Client.Uitkeren();
    private Metadata As(string user) => _flow.Client.As(user);

    [Fact]
    public async Task CorrectedSignal_ForAPaidMonth_ReplacesTheEarlierOne_AndSetsOffOnlyTheDifference()
    {
        var clientId = await _flow.NewClient();
        var ww = (await Api.GrantUitkeringAsync(new() { ClientId = clientId, Type = UitkeringType.Ww, StartDate = "2026-01-01", MonthlyAmountCents = 150_000 },
            As(Uitkeringsdeskundige))).Uitkering;
        var first = await Record(clientId, "2026-09", 100_000);
        first.Terugvordering.AmountCents.ShouldBe(70_000);

        var higher = await Record(clientId, "2026-09", 150_000);

        higher.Verrekeningen.ShouldHaveSingleItem().DeductedCents.ShouldBe(35_000); // 70% of €1,500 = €1,050, €700 set off already
        higher.Verrekeningen[0].UitkeringId.ShouldBe(ww.UitkeringId);
        higher.Terugvordering.AmountCents.ShouldBe(35_000);
        higher.Terugvordering.Reason.ShouldContain("Gecorrigeerde inkomsten over 2026-09");
        (higher.Signaal.Status, higher.Signaal.Revision, higher.Signaal.ReplacesSignaalId)
            .ShouldBe((InkomstenSignaalRules.Verrekend, 2, first.Signaal.SignaalId));
        var history = await History(clientId);
        history.Select(s => (s.SignaalId, s.Status, s.IncomeCents, s.ReplacedBySignaalId)).ShouldBe([
            (first.Signaal.SignaalId, InkomstenSignaalRules.Vervangen, 100_000L, higher.Signaal.SignaalId),
            (higher.Signaal.SignaalId, InkomstenSignaalRules.Verrekend, 150_000L, ""),
        ]);

        // Lower than recovered already: the difference comes back off the deduction, and an uitkeringsdeskundige
        // reviews the repayment; nothing more is recovered.
        var lower = await Record(clientId, "2026-09", 50_000);

        lower.Verrekeningen.ShouldHaveSingleItem().DeductedCents.ShouldBe(-70_000);
        lower.Terugvordering.ShouldBeNull();
        (lower.Signaal.Status, lower.Signaal.Revision).ShouldBe((InkomstenSignaalRules.TeBeoordelen, 3));
        (await Api.ListTerugvorderingenAsync(new() { ClientId = clientId }, As(Uitkeringsdeskundige))).Terugvorderingen
            .Select(t => t.AmountCents).ShouldBe([70_000L, 35_000L], ignoreOrder: true);
        (await History(clientId)).Select(s => s.Status).ShouldBe([InkomstenSignaalRules.Vervangen, InkomstenSignaalRules.Vervangen, InkomstenSignaalRules.TeBeoordelen]);
    }

    [Fact]
    public async Task SameIncomeAgain_IsTheSameSignal_AndNothingIsWritten()
    {
        var clientId = await _flow.NewClient();
        await Record(clientId, "2026-08", 40_000);
        var before = await _flow.WritesFor(clientId);

        var again = await Should.ThrowAsync<RpcException>(() => Record(clientId, "2026-08", 40_000));

        again.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        (await _flow.WritesFor(clientId)).ShouldBe(before);
        (await History(clientId)).ShouldHaveSingleItem().Revision.ShouldBe(1);
    }

    [Fact]
    public async Task CorrectedSignal_OfASignalWaitingForReview_TakesItsPlaceOnTheWorklist()
    {
        var clientId = await _flow.NewClient();
        var kept = (await Record(clientId, "2026-03", 20_000)).Signaal;

        var corrected = (await Record(clientId, "2026-03", 25_000)).Signaal;

        corrected.Status.ShouldBe(InkomstenSignaalRules.TeBeoordelen);
        var worklist = await _flow.InkomstenTeBeoordelen(Uitkeringsdeskundige);
        worklist.ShouldContain(s => s.SignaalId == corrected.SignaalId);
        worklist.ShouldNotContain(s => s.SignaalId == kept.SignaalId);
        var stale = await Should.ThrowAsync<RpcException>(() => Api.CompleteInkomstenSignaalReviewAsync(
            new() { SignaalId = kept.SignaalId, ExpectedVersion = kept.Version + 1, Note = "te laat" }, As(Uitkeringsdeskundige)).ResponseAsync);
        stale.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    private async Task<RecordInkomstenSignaalResponse> Record(string clientId, string period, long income) =>
        await Api.RecordInkomstenSignaalAsync(new() { ClientId = clientId, Period = period, IncomeCents = income }, As(Uitkeringsdeskundige));

    private async Task<List<InkomstenSignaal>> History(string clientId) =>
        [.. (await Api.ListInkomstenSignalenAsync(new() { ClientId = clientId }, As(Uitkeringsdeskundige))).Signalen];
}
