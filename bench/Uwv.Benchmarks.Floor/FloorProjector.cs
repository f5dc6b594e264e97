using MassTransit;
using StackExchange.Redis;
using Uwv.Contracts.Events;

namespace Uwv.Benchmarks.Floor;

/// <summary>
/// The klantbeeld's projection without its rules: a MassTransit consumer on a quorum queue that writes one small value
/// to the client's picture key in Redis (one SET: no read, no merge, no work list).
/// </summary>
public static class FloorProjector
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("redis") ?? throw new InvalidOperationException("ConnectionStrings:redis is required");
        builder.Services.AddSingleton<IConnectionMultiplexer>(ConnectionMultiplexer.Connect(redis));
        FloorBus.Add(builder, x => x.AddConsumer<FloorProjection>().Endpoint(e => e.Name = "floor-projection"));
        return builder.Build();
    }
}

public sealed class FloorProjection(IConnectionMultiplexer redis) : IConsumer<HandoverRequested>
{
    public Task Consume(ConsumeContext<HandoverRequested> context) =>
        redis.GetDatabase().StringSetAsync("klantbeeld:" + context.Message.ClientId.ToString("N"), context.Message.Handover.State);
}
