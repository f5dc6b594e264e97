namespace Uwv.Testing;

/// <summary>Waits for an eventually consistent outcome (a projection, a relay) with a deadline, never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        Exception? last = null;
        T? value = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                value = await probe();
                if (done(value))
                {
                    return value;
                }
                last = null;
            }
            catch (Exception ex) when (ex is not Shouldly.ShouldAssertException)
            {
                last = ex;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}; last value {value}", last);
    }
}
