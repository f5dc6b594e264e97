using Grpc.Core;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Grpc;
using static Uwv.IntegrationTests.Handover.HandoverFlow;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// The teamleider's part of a handover through the gateway: the history that explains an escalation, the team's
/// escalation list, and the casusoverleg's outcome (teamleider only, once, nothing written when refused).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class EscalationAndCasusoverlegTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);
    private HandoverService.HandoverServiceClient Api => _flow.Client.Handover;

    /// <summary>SMZ → Werkbedrijf, returned, transferred again: the second ping-pong, so the handover goes to casusoverleg.</summary>
    private async Task<(string ClientId, Contracts.Handover.V1.Handover Handover)> SecondPingPong()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, dossierId);
        await _flow.ReachedNazorg(handover.HandoverId);
        await _flow.Transfer(handover.HandoverId);
        await Api.ReturnHandoverAsync(new ReturnHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, ReasonCategory = ReturnReason.WrongDivision, Reason = "Eerst herbeoordeling",
        }, _flow.Client.As(AdviseurWerk));
        var again = await _flow.Transfer(handover.HandoverId);
        again.Casusoverleg.ShouldBeTrue();
        return (clientId, again);
    }

    [Fact]
    public async Task History_ExplainsTheEscalation_WhoReturnedItAndWhy_AndTheSecondPingPong()
    {
        var (_, handover) = await SecondPingPong();

        var history = (await Api.GetHandoverAsync(new GetHandoverRequest { HandoverId = handover.HandoverId }, _flow.Client.As(Teamleider))).Handover.History;

        history.Select(h => h.What).ShouldBe(["requested", "nazorg-attempt", "transferred", "returned", "ping-pong", "transferred", "ping-pong", "escalated"]);
        var returned = history.Single(h => h.What == "returned");
        (returned.By, returned.Category, returned.Reason).ShouldBe((AdviseurWerk, "wrong-division", "Eerst herbeoordeling"));
        var escalated = history.Last();
        (escalated.By, escalated.Level, escalated.Cause).ShouldBe((HandoverHistory.System, "teamleider", "ping-pong"));
        history.Select(h => DateTimeOffset.Parse(h.At, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder();
    }

    [Fact]
    public async Task Request_AnswersWithTheHistoryItWrote_TheSameAsAReadOfTheHandover()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();

        var requested = await _flow.Request(clientId, dossierId);

        var read = (await Api.GetHandoverAsync(new GetHandoverRequest { HandoverId = requested.HandoverId }, _flow.Client.As(Teamleider))).Handover;
        requested.History.Count.ShouldBeGreaterThan(0);
        requested.History.ShouldBe(read.History);
        requested.History.First().What.ShouldBe("requested");
    }

    [Fact]
    public async Task Escalations_ListTheTeamsCasusoverlegCase_UntilItsOutcomeIsRecorded_AndOnlyForTheTeamleiderOfThatTeam()
    {
        var (clientId, handover) = await SecondPingPong();

        var listed = await Api.ListEscalationsAsync(new ListEscalationsRequest(), _flow.Client.As(Teamleider));
        var item = listed.Handovers.Single(h => h.HandoverId == handover.HandoverId);
        (item.NazorgNotes, item.OpenQuestions, item.Signalen.Count).ShouldBe(("", "", 0));
        var otherTeam = await Api.ListEscalationsAsync(new ListEscalationsRequest(), _flow.Client.As("teamleider.arnhem-zuid"));
        otherTeam.Handovers.ShouldNotContain(h => h.HandoverId == handover.HandoverId);
        var foreign = await Fails(() => Api.ListEscalationsAsync(new ListEscalationsRequest { AreaTeam = "arnhem-noord" }, _flow.Client.As("teamleider.arnhem-zuid")).ResponseAsync);
        foreign.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        var held = (await Api.RecordCasusoverlegAsync(new RecordCasusoverlegRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, Outcome = "Werkbedrijf houdt het dossier; arbeidsdeskundige sluit aan",
        }, _flow.Client.As(Teamleider))).Handover;

        (held.CasusoverlegOutcome, held.CasusoverlegBy).ShouldBe(("Werkbedrijf houdt het dossier; arbeidsdeskundige sluit aan", Teamleider));
        held.History.Last().What.ShouldBe("casusoverleg");
        // Still escalated (nobody accepted it yet), but no longer waiting for a casusoverleg.
        var after = await Api.ListEscalationsAsync(new ListEscalationsRequest(), _flow.Client.As(Teamleider));
        after.Handovers.Single(h => h.HandoverId == handover.HandoverId).CasusoverlegOutcome.ShouldNotBeEmpty();

        var before = await _flow.Writes(clientId);
        var twice = await Fails(() => Api.RecordCasusoverlegAsync(new RecordCasusoverlegRequest
        {
            HandoverId = handover.HandoverId, Outcome = "anders",
        }, _flow.Client.As(Teamleider)).ResponseAsync);
        (twice.StatusCode, twice.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, HandoverDecider.CasusoverlegPending));
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task Casusoverleg_ByAnyoneButTheTeamleider_OrWithoutOutcome_IsRefused_AndWritesNothing()
    {
        var (clientId, handover) = await SecondPingPong();
        var before = await _flow.Writes(clientId);

        var byProcesbegeleider = await Fails(() => Api.RecordCasusoverlegAsync(new RecordCasusoverlegRequest
        {
            HandoverId = handover.HandoverId, Outcome = "zelf besloten",
        }, _flow.Client.As(Procesbegeleider)).ResponseAsync);
        var empty = await Fails(() => Api.RecordCasusoverlegAsync(new RecordCasusoverlegRequest
        {
            HandoverId = handover.HandoverId, Outcome = "  ",
        }, _flow.Client.As(Teamleider)).ResponseAsync);

        byProcesbegeleider.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (empty.StatusCode, empty.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "outcome"));
        (await _flow.Writes(clientId)).ShouldBe(before);
    }
}
