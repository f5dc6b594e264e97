namespace Uwv.ServiceDefaults;

/// <summary>
/// Wakes a background worker as soon as there is work for it, instead of waiting for its next poll. Notifications that
/// arrive while a wake-up is pending merge into that one.
/// </summary>
public class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; one is enough.
        }
    }

    /// <summary>Waits for a wake-up; false when <paramref name="timeout"/> passed without one.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
