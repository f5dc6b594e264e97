using Uwv.ServiceDefaults;

namespace Uwv.Handover.Data;

/// <summary>Wakes the <see cref="KpiFolder"/> when a handover write committed KPI increments.</summary>
public sealed class KpiFoldSignal : WakeSignal;

/// <summary>
/// Adds the pending KPI increments to the counters shortly after writes committed them (decision 0039): it waits
/// <see cref="Gather"/> after a wake-up, so that one fold adds the increments of many writes, and folds at least every
/// <see cref="Sweep"/> (increments left by a replica that stopped). The dashboard does not wait for it: it folds
/// before it reads.
/// </summary>
public sealed class KpiFolder(IServiceScopeFactory scopes, KpiFoldSignal signal, ILogger<KpiFolder> logger) : BackgroundService
{
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Technical cadence, in real time: business time (the TimeProvider) plays no part in it.
                if (await signal.WaitAsync(Sweep, stoppingToken))
                {
                    await Task.Delay(Gather, stoppingToken);
                }
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PendingKpis>().FoldAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("KPI fold failed ({ExceptionType}); the increments stay pending until the next one", ex.GetType().Name);
            }
        }
    }
}
