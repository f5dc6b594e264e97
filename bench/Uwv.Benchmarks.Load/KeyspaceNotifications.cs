using StackExchange.Redis;

namespace Uwv.Benchmarks.Load;

/// <summary>Turns Redis keyspace notifications on for one measure (how the drivers see a picture change) and off after it.</summary>
public static class KeyspaceNotifications
{
    public static async Task<T> DuringAsync<T>(string redis, Func<ConnectionMultiplexer, Task<T>> measure)
    {
        var mux = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var server = mux.GetServer(mux.GetEndPoints()[0]);
        await server.ConfigSetAsync("notify-keyspace-events", "K$");
        try
        {
            return await measure(mux);
        }
        finally
        {
            await server.ConfigSetAsync("notify-keyspace-events", "");
            await mux.CloseAsync();
        }
    }
}
