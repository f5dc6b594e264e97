using Microsoft.Extensions.Options;
using Uwv.Handover.Domain;

namespace Uwv.Handover.Sla;

/// <summary>Runs <see cref="SlaSweep"/> at the configured interval; the deadlines live in the database, so a restart loses none.</summary>
public sealed class SlaSweeper(IServiceScopeFactory scopes, IOptions<HandoverOptions> options, TimeProvider clock, ILogger<SlaSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalated = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunOnceAsync(stoppingToken);
                if (escalated > 0)
                {
                    logger.LogInformation("SLA sweep escalated {Count} handovers", escalated);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("SLA sweep failed ({ExceptionType}); retrying at the next interval", ex.GetType().Name);
            }
            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
