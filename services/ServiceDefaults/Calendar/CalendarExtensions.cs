using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Uwv.Calendar;

namespace Uwv.ServiceDefaults.Calendar;

public static class CalendarExtensions
{
    public const string HealthCheckName = "equated-days";

    /// <summary>
    /// The platform's calendar, configured once (config/platform.json, sections OfficeHours and EquatedDays) and injected
    /// as singletons: <see cref="WorkingDayCalendar"/> and <see cref="OfficeHours"/>. Invalid configuration fails the
    /// start. Adds the report on the decrees' coverage: a health check, a warning in the log and a gauge.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformCalendar(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(WorkingDayCalendar)))
        {
            return builder;
        }
        var configuration = builder.Configuration;
        builder.Services.AddOptions<EquatedDaysOptions>().Bind(configuration.GetSection(EquatedDaysOptions.Section));
        builder.Services.TryAddSingleton(_ => new WorkingDayCalendar(EquatedDays(configuration).Decrees));
        builder.Services.TryAddSingleton(sp => new OfficeHours(OfficeHoursOf(configuration), sp.GetRequiredService<WorkingDayCalendar>()));
        builder.Services.AddMetrics();
        builder.Services.AddHostedService<EquatedDaysCoverageReporter>();
        builder.Services.AddHealthChecks().AddCheck<EquatedDaysHealthCheck>(HealthCheckName);
        return builder;
    }

    /// <summary>The platform's office hours and working days as <paramref name="configuration"/> defines them.</summary>
    public static OfficeHours CreateOfficeHours(IConfiguration configuration) =>
        new(OfficeHoursOf(configuration), new WorkingDayCalendar(EquatedDays(configuration).Decrees));

    /// <summary>
    /// The calendar of config/platform.json next to the binaries, for code that runs without a host (the benchmarks,
    /// the tests); a service takes the injected one, which also honours its other configuration sources.
    /// </summary>
    public static OfficeHours FromPlatformFile()
    {
        var configuration = new ConfigurationManager();
        configuration.AddPlatformDefaults();
        return CreateOfficeHours(configuration);
    }

    private static OfficeHoursOptions OfficeHoursOf(IConfiguration configuration) =>
        configuration.GetSection(OfficeHoursOptions.Section).Get<OfficeHoursOptions>() ?? new OfficeHoursOptions();

    internal static EquatedDaysOptions EquatedDays(IConfiguration configuration) =>
        configuration.GetSection(EquatedDaysOptions.Section).Get<EquatedDaysOptions>() ?? new EquatedDaysOptions();
}
