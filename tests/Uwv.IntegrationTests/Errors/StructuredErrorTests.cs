using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;
using Uwv.IntegrationTests.Divisions;
using Uwv.Uitkeren.Domain;
using static Uwv.IntegrationTests.Divisions.DivisionFlow;

namespace Uwv.IntegrationTests.Errors;

/// <summary>
/// Every refusal carries a google.rpc.Status a caller can read without parsing text: BadRequest field violations for
/// INVALID_ARGUMENT, ErrorInfo (reason = the rule, domain = the service) for FAILED_PRECONDITION and PERMISSION_DENIED,
/// in the gRPC trailer and, through the gateway, as the JSON body.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class StructuredErrorTests(EmbeddedPlatformFixture platform)
{
    private const string Uitkeren = "uwv.uitkeren.v1.UitkerenService";
    private readonly DivisionFlow _flow = new(platform);
    private UitkerenService.UitkerenServiceClient Api => _flow.Client.Uitkeren();

    [Fact]
    public async Task InvalidArgument_CarriesTheFieldAsABadRequestViolation()
    {
        var error = await Should.ThrowAsync<RpcException>(() =>
            Api.ListInkomstenSignalenAsync(new() { ClientId = "" }, _flow.Client.As(Uitkeringsdeskundige)).ResponseAsync);

        var violation = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.ShouldHaveSingleItem();
        violation.Field.ShouldBe("client_id");
        violation.Description.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task FailedPrecondition_CarriesTheRuleAndTheService()
    {
        var clientId = await _flow.NewClient();
        var kept = (await Api.RecordInkomstenSignaalAsync(new() { ClientId = clientId, Period = "2026-04", IncomeCents = 1_000 },
            _flow.Client.As(Uitkeringsdeskundige))).Signaal;
        var reviewed = (await Review(kept.SignaalId, kept.Version)).Signaal;

        var error = await Should.ThrowAsync<RpcException>(() => Review(kept.SignaalId, reviewed.Version));

        error.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        (info.Reason, info.Domain).ShouldBe((InkomstenSignaalRules.ReviewOpenRule, Uitkeren));
    }

    [Fact]
    public async Task PermissionDenied_ByTheHandlerAndByRole_CarriesItsReasonAndTheService()
    {
        var clientId = await _flow.NewClient();

        var otherTeam = await Should.ThrowAsync<RpcException>(() =>
            Api.ListInkomstenSignalenAsync(new() { ClientId = clientId }, _flow.Client.As("uitkeringsdeskundige.arnhem-zuid")).ResponseAsync);
        var byRole = await Should.ThrowAsync<RpcException>(() =>
            Api.ListInkomstenSignalenAsync(new() { ClientId = clientId }, _flow.Client.As(Manager)).ResponseAsync);

        otherTeam.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var team = otherTeam.GetRpcStatus()!.GetDetail<ErrorInfo>();
        (team.Reason, team.Domain).ShouldBe((AccessReasons.Client, Uitkeren));
        byRole.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var role = byRole.GetRpcStatus()!.GetDetail<ErrorInfo>();
        (role.Reason, role.Domain).ShouldBe((AccessReasons.Role, Uitkeren));
    }

    [Fact]
    public async Task JsonCallers_GetTheSameDetails_InTheResponseBody()
    {
        var clientId = await _flow.NewClient();
        using var asUitkeringsdeskundige = _flow.Client.Http(Uitkeringsdeskundige);
        using var asManager = _flow.Client.Http(Manager);

        var invalid = await asUitkeringsdeskundige.PostAsJsonAsync("/api/v1/uitkeren/inkomstensignalen", new { clientId, period = "2026-13", incomeCents = 1 });
        var refused = await asManager.GetAsync($"/api/v1/uitkeren/clients/{clientId}/inkomstensignalen");

        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var violation = Detail(await invalid.Content.ReadAsStringAsync(), "type.googleapis.com/google.rpc.BadRequest");
        violation.GetProperty("fieldViolations")[0].GetProperty("field").GetString().ShouldBe("period");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var info = Detail(await refused.Content.ReadAsStringAsync(), "type.googleapis.com/google.rpc.ErrorInfo");
        (info.GetProperty("reason").GetString(), info.GetProperty("domain").GetString()).ShouldBe((AccessReasons.Role, Uitkeren));
    }

    private Task<CompleteInkomstenSignaalReviewResponse> Review(string signaalId, long version) =>
        Api.CompleteInkomstenSignaalReviewAsync(new() { SignaalId = signaalId, ExpectedVersion = version, Note = "Geen uitkering" },
            _flow.Client.As(Uitkeringsdeskundige)).ResponseAsync;

    private static JsonElement Detail(string body, string type)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == type).Clone();
    }
}
