using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Telemetry;

/// <summary>What each service database adds to the process's metrics and to /healthz.</summary>
public static class ObservabilityRegistrations
{
    /// <summary>The database's outbox counted in the gauge uwv.outbox.backlog, tagged with <paramref name="service"/>.</summary>
    public static IServiceCollection AddOutboxBacklogMetric<TContext>(this IServiceCollection services, string service)
        where TContext : ServiceDbContext
    {
        services.AddSingleton<IOutboxBacklog>(sp => new OutboxBacklog<TContext>(service,
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxBacklog<TContext>>>()));
        services.AddHostedService<OutboxBacklogMetric>();
        return services;
    }

    /// <summary>
    /// /healthz check "database-{name}": can the service open a connection to its database (PostgreSQL, or the SQLite
    /// file of the embedded default). Tagged "dependency": never behind the cluster's probes.
    /// </summary>
    public static IServiceCollection AddDatabaseHealthCheck<TContext>(this IServiceCollection services, string name)
        where TContext : DbContext
    {
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{name}", tags: [DependencyTag]);
        return services;
    }

    /// <summary>The tag of the checks of what a process depends on (databases, Redis, the broker).</summary>
    public const string DependencyTag = "dependency";
}
