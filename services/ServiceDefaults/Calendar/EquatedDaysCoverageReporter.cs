using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.ServiceDefaults.Calendar;

/// <summary>
/// Reports the coverage of the decrees of gelijkgestelde dagen: a warning in the log at start and once a day while it
/// ends within the warning period, and the gauge uwv.calendar.equated_days_left (days until the coverage ends).
/// </summary>
public sealed partial class EquatedDaysCoverageReporter : BackgroundService
{
    private readonly OfficeHours _office;
    private readonly EquatedDaysOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<EquatedDaysCoverageReporter> _logger;

    public EquatedDaysCoverageReporter(
        OfficeHours office, IOptions<EquatedDaysOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<EquatedDaysCoverageReporter> logger)
    {
        _office = office;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        meters.Create(UwvTelemetry.Name).CreateObservableGauge(
            "uwv.calendar.equated_days_left", () => Coverage().DaysLeft, "d",
            "Days until the configured decrees of gelijkgestelde dagen (Atw art. 3 lid 3) end");
    }

    private EquatedDaysCoverage Coverage() =>
        EquatedDaysCoverage.Of(_office.WorkingDays, _office.DateOf(_clock.GetUtcNow()), _options.WarnMonthsBeforeCoverageEnds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Report();
                await Task.Delay(TimeSpan.FromDays(1), _clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Logs the warning when the coverage ends within the warning period (or there is none).</summary>
    internal void Report()
    {
        if (Coverage() is { EndsSoon: true } coverage)
        {
            LogCoverageEndsSoon(coverage.Describe());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar: {Coverage}")]
    private partial void LogCoverageEndsSoon(string coverage);
}
