using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Calendar;

namespace Uwv.UnitTests.Calendar;

/// <summary>The report on the decrees' coverage: health detail, log warning, gauge.</summary>
public sealed class EquatedDaysReportTests
{
    private static TimeProvider At(string instant) => new FixedClock(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2028-06-30T12:00:00Z", "Healthy")]
    [InlineData("2028-07-01T12:00:00Z", "Degraded")] // the configured decrees end within six months
    public async Task HealthCheck_DecreesEndingWithinSixMonths_IsDegradedWithTheDate(string now, string expected)
    {
        var check = new EquatedDaysHealthCheck(TestCalendar.Office, Options.Create(new EquatedDaysOptions()), At(now));
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        result.Status.ToString().ShouldBe(expected);
        result.Data["covered_until"].ShouldBe("2028-12-31");
        result.Description.ShouldNotBeNull().ShouldContain("2028-12-31");
    }

    [Fact]
    public void Reporter_DecreesEndingWithinSixMonths_LogsAWarningAndReportsTheDaysLeft()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var logger = new ListLogger();
        using var reporter = new EquatedDaysCoverageReporter(
            TestCalendar.Office, Options.Create(new EquatedDaysOptions()), At("2028-10-01T12:00:00Z"), services.GetRequiredService<IMeterFactory>(), logger);
        long? daysLeft = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "uwv.calendar.equated_days_left")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => daysLeft = value);
        listener.Start();

        reporter.Report();
        listener.RecordObservableInstruments();

        logger.Warnings.ShouldHaveSingleItem().ShouldContain("2028-12-31");
        daysLeft.ShouldBe(91); // 2028-10-01 to 2028-12-31
    }

    [Fact]
    public void Reporter_DecreesCoveringMoreThanSixMonths_LogsNothing()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var logger = new ListLogger();
        using var reporter = new EquatedDaysCoverageReporter(
            TestCalendar.Office, Options.Create(new EquatedDaysOptions()), At("2026-12-02T12:00:00Z"), services.GetRequiredService<IMeterFactory>(), logger);
        reporter.Report();
        logger.Warnings.ShouldBeEmpty();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class ListLogger : ILogger<EquatedDaysCoverageReporter>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
