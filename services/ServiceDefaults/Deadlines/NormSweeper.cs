using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>Runs <see cref="NormSweep{TContext}"/> every <see cref="NormOptions.SweepInterval"/>; the deadlines live in the database, so a restart loses none.</summary>
public sealed class NormSweeper<TContext>(IServiceScopeFactory scopes, IOptions<NormOptions> options, TimeProvider clock, ILogger<NormSweeper<TContext>> logger)
    : BackgroundService where TContext : DivisionDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<NormSweep<TContext>>().RunOnceAsync(stoppingToken);
                if (result.Warned + result.Escalated > 0)
                {
                    logger.LogInformation("Norm sweep of {Context}: {Warned} warned, {Escalated} escalated", typeof(TContext).Name, result.Warned, result.Escalated);
                }
                full = result.Full && result.Warned + result.Escalated > 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Norm sweep of {Context} failed ({ExceptionType}); retrying at the next interval", typeof(TContext).Name, ex.GetType().Name);
            }
            if (full)
            {
                continue;
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
