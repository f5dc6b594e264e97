using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Uwv.Calendar;

namespace Uwv.ServiceDefaults.Calendar;

/// <summary>
/// /healthz detail: Degraded (still HTTP 200; never behind the cluster's probes) when the configured decrees of
/// gelijkgestelde dagen end within the warning period, so that the next decree is configured in time.
/// </summary>
public sealed class EquatedDaysHealthCheck(OfficeHours office, IOptions<EquatedDaysOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var coverage = EquatedDaysCoverage.Of(office.WorkingDays, office.DateOf(clock.GetUtcNow()), options.Value.WarnMonthsBeforeCoverageEnds);
        var data = new Dictionary<string, object>
        {
            ["covered_until"] = coverage.CoveredUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["days_left"] = coverage.DaysLeft,
        };
        return Task.FromResult(coverage.EndsSoon
            ? HealthCheckResult.Degraded(coverage.Describe(), data: data)
            : HealthCheckResult.Healthy(coverage.Describe(), data));
    }
}
