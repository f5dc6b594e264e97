using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Uwv.ServiceDefaults.Telemetry;

/// <summary>
/// The body of /healthz: the overall status and each check's status and description, so monitoring sees which
/// dependency failed. Exception messages are left out: they may name hosts and logins.
/// </summary>
public static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (!string.IsNullOrEmpty(entry.Description))
                {
                    json.WriteString("description", entry.Description);
                }
                if (entry.Exception is not null)
                {
                    json.WriteString("error", entry.Exception.GetType().Name);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
