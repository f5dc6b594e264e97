using StackExchange.Redis;

namespace Uwv.Klantbeeld.Store;

/// <summary>
/// Opens the Redis connection at startup, before the server takes requests and before the bus consumes. Left to the
/// first request, the multiplexer's synchronous connect blocks a thread-pool thread while every concurrent request
/// blocks on the same singleton: a starvation stall of seconds in which Kestrel drops connections for slow bodies.
/// </summary>
internal sealed class RedisWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
