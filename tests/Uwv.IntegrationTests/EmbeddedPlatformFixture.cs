using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Uwv.Host;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.IntegrationTests;

/// <summary>
/// Runs the embedded default in-process exactly as the run command does, but on free ports and a temporary
/// data folder, and records every span so tests can follow a trace.
/// </summary>
public class EmbeddedPlatformFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "uwv-it-" + Guid.NewGuid().ToString("N"));

    public WebApplication App { get; private set; } = null!;
    public PlatformClient Client { get; private set; } = null!;
    public List<Activity> Spans { get; } = [];
    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var service in EmbeddedPlatform.Services.Append("gateway").Append("gateway-grpc"))
        {
            Settings[$"Services:{service}"] = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        }
        Settings["Data:Directory"] = _dataDirectory;
        Settings["Outbox:PollInterval"] = "00:00:00.200";
        // Norm deadlines moved into the past by a test escalate within a second.
        Settings["Norms:SweepInterval"] = "00:00:01";
        // The suite calls fast; the rate limit itself is tested with a fixture of its own.
        Settings["Gateway:RateLimit:PermitsPerSecond"] = "100000";
        Settings["Gateway:RateLimit:Burst"] = "100000";
        // Tests make their own data; the demo seeder would write behind their backs.
        Settings["Demo:Enabled"] = "false";
        // Records spans and metrics without an OTLP endpoint, for the in-memory exporter below.
        Settings["Telemetry:Enabled"] = "true";
        Configure(Settings);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.AddEmbeddedPlatform();
        ConfigureServices(builder.Services);
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
        App = builder.Build();
        App.MapEmbeddedPlatform();
        await App.StartAsync();
        Client = new PlatformClient(
            new Uri(Settings["Services:gateway-grpc"]!),
            new Uri(Settings["Services:gateway"]!),
            App.Services.GetRequiredService<DevTokenIssuer>());
    }

    /// <summary>Lets a derived fixture change settings before the platform starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Lets a derived fixture replace services (registered after the platform's own) before it starts.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async Task<TResult> InScope<TContext, TResult>(Func<TContext, Task<TResult>> use) where TContext : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is removed with the temp folder later.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedPlatformCollection : ICollectionFixture<EmbeddedPlatformFixture>
{
    public const string Name = "embedded platform";
}
