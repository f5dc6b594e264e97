using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.UnitTests.Telemetry;

/// <summary>
/// Without an exporter nothing is recorded (decision 0028), and nothing is made to be recorded either: ASP.NET Core
/// starts no Activity for a request, so none is carried into the service's calls, events and outbox rows.
/// </summary>
public sealed class TelemetryOffTests
{
    private const string Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public async Task Request_WithoutAnExporter_RunsWithoutAnActivity()
    {
        await using var app = await StartAsync(withTelemetryDefaults: true);

        (await CurrentActivityAsync(app)).ShouldBe("none");
    }

    /// <summary>
    /// What the rule above guards against: with its logger on, ASP.NET Core starts an Activity for every request even
    /// though no tracer listens, continuing the caller's trace.
    /// </summary>
    [Fact]
    public async Task Request_WithHostingLogsOn_GetsAnActivity_EvenWithoutAListener()
    {
        await using var app = await StartAsync(withTelemetryDefaults: false);

        (await CurrentActivityAsync(app)).ShouldBe("0af7651916cd43dd8448eb211c80319c");
    }

    private static async Task<WebApplication> StartAsync(bool withTelemetryDefaults)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new EveryLevelLoggerProvider());
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (withTelemetryDefaults)
        {
            builder.AddUwvTelemetry("telemetry-off-test");
        }
        var app = builder.Build();
        app.MapGet("/activity", () => Activity.Current?.TraceId.ToString() ?? "none");
        await app.StartAsync();
        return app;
    }

    private static async Task<string> CurrentActivityAsync(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/activity");
        request.Headers.Add("traceparent", Traceparent);
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A log provider that is on for every category and level, as a console provider at Warning is for Critical.</summary>
    private sealed class EveryLevelLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new EveryLevelLogger();

        public void Dispose()
        {
        }

        private sealed class EveryLevelLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
