using Grpc.Core;
using Microsoft.Extensions.Options;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.EndToEndTests.Balancing;

/// <summary>
/// Two instances of the klantbeeld behind the gateway, on RabbitMQ, Redis and PostgreSQL (decision 0027): the gateway
/// spreads calls over both, per call, and when one instance stops (SIGTERM, as Kubernetes scales in) no call fails.
/// Each answer names its instance (uwv-served-by). A platform of its own with only the processes this needs; in the
/// real-platform collection so that it does not compete with that platform's tests for the cores.
/// </summary>
[Collection(RealPlatformCollection.Name)]
public sealed class ScaleOutEndToEndTests : IAsyncLifetime
{
    private const string Arts = "verzekeringsarts.arnhem-noord";
    private const string ZuidArts = "verzekeringsarts.arnhem-zuid";
    private const string Service = "klantbeeld";

    private ProcessPlatform _platform = null!;
    private PlatformClient _client = null!;

    public async Task InitializeAsync()
    {
        var runId = "so" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
        _platform = new ProcessPlatform(runId, Required("UWV_RABBITMQ"), Required("UWV_REDIS"), Required("UWV_POSTGRES"),
            instances: new Dictionary<string, int> { [Service] = 2 });
        await _platform.StartAsync([Service, "gateway"]);
        var issuer = new DevTokenIssuer(Options.Create(_platform.Auth), TimeProvider.System);
        _client = new PlatformClient(_platform.Address("gateway-grpc"), _platform.Address("gateway"), issuer);
    }

    [Fact]
    public async Task TwoInstances_BothServeCalls_AndStoppingOneLosesNoCall()
    {
        var clientId = await _client.NewClientAsync(Arts);

        // Spread per call over one gateway connection: both instances answer.
        var before = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            before.Add(await ServedByAsync(clientId));
        }
        before.Distinct().Count().ShouldBe(2, $"served by: {string.Join(", ", before)}");

        // Calls keep flowing while the second instance stops; every one of them is answered.
        var stopping = _platform.Instances(Service)[1];
        var during = new List<string>();
        var stop = Task.Run(() => _platform.StopGracefullyAsync(stopping));
        while (!stop.IsCompleted)
        {
            during.Add(await ServedByAsync(clientId));
        }
        await stop;
        var after = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            after.Add(await ServedByAsync(clientId));
        }

        // The remaining instance answered everything after the stop; no call failed (a failure would have thrown).
        after.Distinct().ShouldHaveSingleItem();
        before.ShouldContain(after[0]);
        during.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TwoInstances_EachRememberingTheClientsTeam_RefuseThePictureToTheFormerTeam_OnceAMoveIsRecorded()
    {
        var clientId = await _client.NewClientAsync(Arts);
        await Eventually.Until(() => PictureAsync(clientId, Arts), r => r.Status == StatusCode.OK, what: "the new client's picture");

        // Both instances read the team from the register once and remember it with the client's register stamp.
        var servedBy = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var read = await PictureAsync(clientId, Arts);
            read.Status.ShouldBe(StatusCode.OK);
            servedBy.Add(read.ServedBy);
        }
        servedBy.Count.ShouldBe(2, "both instances served the picture");

        await _client.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = clientId, NewPostcode = TestData.ZuidPostcode }, _client.As(Arts));

        // From the move on, neither instance gives its remembered team: the stamp in Redis changed.
        for (var i = 0; i < 20; i++)
        {
            (await PictureAsync(clientId, Arts)).Status.ShouldBe(StatusCode.PermissionDenied);
            (await PictureAsync(clientId, ZuidArts)).Status.ShouldBe(StatusCode.OK);
        }
    }

    /// <summary>One read of the picture through the gateway: its status, and the instance that answered it.</summary>
    private async Task<(StatusCode Status, string ServedBy)> PictureAsync(string clientId, string user)
    {
        using var call = _client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" },
            _client.As(user), deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            await call.ResponseAsync;
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, "");
        }
        return (StatusCode.OK, (await call.ResponseHeadersAsync).GetValue("uwv-served-by") ?? "");
    }

    /// <summary>One read through the gateway; returns the instance that answered it.</summary>
    private async Task<string> ServedByAsync(string clientId)
    {
        using var call = _client.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = clientId }, _client.As(Arts),
            deadline: DateTime.UtcNow.AddSeconds(30));
        var response = await call.ResponseAsync;
        response.Client.ClientId.ShouldBe(clientId);
        var headers = await call.ResponseHeadersAsync;
        return headers.GetValue("uwv-served-by") ?? throw new InvalidOperationException("the answer names no instance");
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        _platform?.Dispose();
        return Task.CompletedTask;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the end-to-end tests through scripts/test.sh, which starts the real servers.");
}
