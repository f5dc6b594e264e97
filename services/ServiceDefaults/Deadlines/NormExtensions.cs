using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.ServiceDefaults.Deadlines;

public static class NormExtensions
{
    /// <summary>The norms' options (section "Norms", validated at start) and the division's deadline sweeper.</summary>
    public static IHostApplicationBuilder AddNormDeadlines<TContext>(this IHostApplicationBuilder builder)
        where TContext : DivisionDbContext
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(NormOptionsMarker)))
        {
            builder.Services.AddSingleton<NormOptionsMarker>();
            builder.Services.AddOptions<NormOptions>()
                .Bind(builder.Configuration.GetSection(NormOptions.Section))
                .Validate(o => o.SweepInterval > TimeSpan.Zero, "Norms:SweepInterval must be positive")
                .Validate(o => o.HerbeoordelingsverzoekWorkingDays is >= 1 and <= 60, "Norms:HerbeoordelingsverzoekWorkingDays must be 1 to 60")
                .ValidateOnStart();
        }
        builder.Services.AddScoped<NormSweep<TContext>>();
        builder.Services.AddHostedService<NormSweeper<TContext>>();
        return builder;
    }

    private sealed class NormOptionsMarker;
}
