using Grpc.Core;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Domain;
using Uwv.Handover.Grpc;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using static Uwv.IntegrationTests.Handover.HandoverFlow;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Handover;

/// <summary>Bad input to the handover service: a clear status naming the field or rule, and nothing written or published.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class HandoverBadInputTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);
    private HandoverService.HandoverServiceClient Api => _flow.Client.Handover;

    [Fact]
    public async Task RequestHandover_ForUnknownDossier_IsNotFound_AndWritesNothing()
    {
        var clientId = Guid.NewGuid().ToString();
        var before = await _flow.Writes(clientId);
        var ex = await Fails(() => _flow.Request(clientId, Guid.NewGuid().ToString()));
        ex.StatusCode.ShouldBe(StatusCode.NotFound);
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task RequestHandover_ToSameDivision_IsInvalidArgument_AndWritesNothing()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var before = await _flow.Writes(clientId);
        var ex = await Fails(() => _flow.Request(clientId, dossierId, Division.Smz));
        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "to_division"));
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task RequestHandover_ByOtherDivisionOrTeam_IsPermissionDenied_AndWritesNothing()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var before = await _flow.Writes(clientId);
        var request = new RequestHandoverRequest
        {
            ClientId = clientId, DossierId = dossierId, FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf, Reason = "r",
        };
        (await Fails(() => Api.RequestHandoverAsync(request, _flow.Client.As(AdviseurWerk)).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await Fails(() => Api.RequestHandoverAsync(request, _flow.Client.As("procesbegeleider.arnhem-zuid")).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    public static TheoryData<string, string> MissingReasons => new()
    {
        { "return", "reason" },
        { "return-category", "reason_category" },
        { "cancel", "reason" },
        { "override", "reason" },
        { "request", "reason" },
    };

    [Theory]
    [MemberData(nameof(MissingReasons))]
    public async Task Command_WithoutMandatoryReason_IsInvalidArgumentNamingTheField_AndWritesNothing(string command, string field)
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, dossierId);
        var before = await _flow.Writes(clientId);
        var id = handover.HandoverId;
        Func<Task> call = command switch
        {
            "return" => () => Api.ReturnHandoverAsync(new ReturnHandoverRequest { HandoverId = id, ReasonCategory = ReturnReason.Other, Reason = " " }, _flow.Client.As(AdviseurWerk)).ResponseAsync,
            "return-category" => () => Api.ReturnHandoverAsync(new ReturnHandoverRequest { HandoverId = id, Reason = "x" }, _flow.Client.As(AdviseurWerk)).ResponseAsync,
            "cancel" => () => Api.CancelHandoverAsync(new CancelHandoverRequest { HandoverId = id }, _flow.Client.As(Procesbegeleider)).ResponseAsync,
            "override" => () => Api.OverrideNazorgAsync(new OverrideNazorgRequest { HandoverId = id }, _flow.Client.As(Teamleider)).ResponseAsync,
            _ => () => Api.RequestHandoverAsync(new RequestHandoverRequest
            {
                ClientId = clientId, DossierId = dossierId, FromDivision = Division.Smz, ToDivision = Division.Uitkeren,
            }, _flow.Client.As(Procesbegeleider)).ResponseAsync,
        };

        var ex = await Fails(call);

        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, field));
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task OutOfOrderTransitions_AreFailedPreconditionNamingTheRule_AndWriteNothing()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, dossierId);
        var before = await _flow.Writes(clientId);

        var accept = await Fails(() => Api.AcceptHandoverAsync(new AcceptHandoverRequest { HandoverId = handover.HandoverId }, _flow.Client.As(AdviseurWerk)).ResponseAsync);
        var written = await Fails(() => Api.RecordWrittenMessageAsync(new RecordWrittenMessageRequest
        {
            HandoverId = handover.HandoverId, Channel = WrittenMessageChannel.Email,
        }, _flow.Client.As(Procesbegeleider)).ResponseAsync);
        var second = await Fails(() => _flow.Request(clientId, dossierId, Division.Uitkeren));

        accept.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(HandoverDecider.StateRule);
        written.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(GateRules.WrittenMessageAfterUnansweredAttempts);
        second.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(HandoverDecider.OneOpenHandover);
        new[] { accept, written, second }.ShouldAllBe(e => e.StatusCode == StatusCode.FailedPrecondition);
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task Command_WithStaleExpectedVersion_IsAborted_AndWritesNothing()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, dossierId);
        await _flow.ReachedNazorg(handover.HandoverId);
        var before = await _flow.Writes(clientId);

        var ex = await Fails(() => Api.TransferHandoverAsync(new TransferHandoverRequest
        {
            HandoverId = handover.HandoverId, ExpectedVersion = handover.Version,
        }, _flow.Client.As(Procesbegeleider)).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.Aborted);
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task OverrideNazorg_ByNonTeamleider_IsPermissionDenied_AndWritesNothing()
    {
        var (clientId, dossierId) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, dossierId);
        var before = await _flow.Writes(clientId);
        var ex = await Fails(() => Api.OverrideNazorgAsync(new OverrideNazorgRequest { HandoverId = handover.HandoverId, Reason = "spoed" },
            _flow.Client.As(Procesbegeleider)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task RecordSignaal_WithoutConsent_IsFailedPreconditionConsent_AndWritesNothing()
    {
        var (clientId, _) = await _flow.ClientWithSmzDossier();
        var before = await _flow.Writes(clientId);
        var ex = await Fails(() => Api.RecordSignaalAsync(new RecordSignaalRequest
        {
            ClientId = clientId, Factor = KwetsbaarheidFactor.FinancieleDruk, Note = "Schulden", ClientConsent = false,
        }, _flow.Client.As(Procesbegeleider)).ResponseAsync);
        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.RuleTrailer)).ShouldBe((StatusCode.FailedPrecondition, HandoverGrpcService.ConsentRule));
        (await _flow.Writes(clientId)).ShouldBe(before);
    }

    [Fact]
    public async Task KpiDashboard_ForCaseWorker_IsPermissionDenied_AndForOtherTeamsTeamleider_IsPermissionDenied()
    {
        var request = new GetKpiDashboardRequest { FromDate = "2026-01-01", ToDate = "2026-12-31" };
        (await Fails(() => _flow.Client.HandoverKpis().GetKpiDashboardAsync(request, _flow.Client.As(Procesbegeleider)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        request.AreaTeam = "arnhem-zuid";
        (await Fails(() => _flow.Client.HandoverKpis().GetKpiDashboardAsync(request, _flow.Client.As(Teamleider)).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.PermissionDenied);
        request.ToDate = "2025-01-01";
        var ex = await Fails(() => _flow.Client.HandoverKpis().GetKpiDashboardAsync(request, _flow.Client.As("manager")).ResponseAsync);
        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "to_date"));
    }
}
