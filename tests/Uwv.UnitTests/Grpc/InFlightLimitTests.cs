using Grpc.Core;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.UnitTests.Grpc;

/// <summary>
/// Bounded work under overload: a service serves at most its limit of calls at once; the next is refused at once with
/// RESOURCE_EXHAUSTED and a retry hint, and runs no handler. Each service counts apart; health is never limited.
/// </summary>
public sealed class InFlightLimitTests
{
    private const string Get = "/uwv.handover.v1.HandoverService/GetHandover";

    [Fact]
    public async Task CallPastTheLimit_IsRefusedAtOnce_WithAPushbackHint_AndRunsNoHandler()
    {
        var gate = new InFlightGate(1);
        var interceptor = new InFlightLimitInterceptor(gate);
        var holding = new TaskCompletionSource<string>();
        var first = interceptor.UnaryServerHandler("a", new FakeServerCallContext(Get), (_, _) => holding.Task);
        var ran = false;

        var refused = await Should.ThrowAsync<RpcException>(() => interceptor.UnaryServerHandler("b", new FakeServerCallContext(Get), (_, _) =>
        {
            ran = true;
            return Task.FromResult("b");
        }));

        refused.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        refused.Trailers.GetValue(InFlightLimitInterceptor.PushbackTrailer).ShouldBe("1000");
        ran.ShouldBeFalse();
        holding.SetResult("a");
        (await first).ShouldBe("a");
    }

    [Fact]
    public async Task PlaceIsGivenBack_WhenACallEnds_EvenWhenItFails()
    {
        var gate = new InFlightGate(1);
        var interceptor = new InFlightLimitInterceptor(gate);

        await Should.ThrowAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>("a", new FakeServerCallContext(Get),
            (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no"))));
        var next = await interceptor.UnaryServerHandler("b", new FakeServerCallContext(Get), (r, _) => Task.FromResult(r));

        next.ShouldBe("b");
        gate.InFlight("uwv.handover.v1.HandoverService").ShouldBe(0);
    }

    [Fact]
    public async Task EachServiceCountsApart_AndHealthIsNeverLimited()
    {
        var gate = new InFlightGate(1);
        var interceptor = new InFlightLimitInterceptor(gate);
        var holding = new TaskCompletionSource<string>();
        var busy = interceptor.UnaryServerHandler("a", new FakeServerCallContext(Get), (_, _) => holding.Task);

        var other = await interceptor.UnaryServerHandler("k", new FakeServerCallContext("/uwv.klantbeeld.v1.KlantbeeldService/GetKlantbeeld"), (r, _) => Task.FromResult(r));
        var health = await interceptor.UnaryServerHandler("h", new FakeServerCallContext("/grpc.health.v1.Health/Check"), (r, _) => Task.FromResult(r));

        (other, health).ShouldBe(("k", "h"));
        holding.SetResult("a");
        await busy;
    }

    [Fact]
    public void Gate_AdmitsExactlyItsLimit()
    {
        var gate = new InFlightGate(3);

        Enumerable.Range(0, 4).Select(_ => gate.TryEnter("s")).ShouldBe([true, true, true, false]);
        gate.InFlight("s").ShouldBe(3);
        gate.Exit("s");
        gate.TryEnter("s").ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Gate_WithoutAPositiveLimit_IsAConfigurationError(int limit) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new InFlightGate(limit));
}
