using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Uwv.Host;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.BrowserTests;

/// <summary>
/// The embedded platform in-process (as the run command starts it, on free ports and a temporary data folder,
/// without the demo data) and one headless Debian Chromium driven by Playwright. Browsers are never downloaded.
/// </summary>
public class BrowserPlatformFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "uwv-bt-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public PlatformClient Client { get; private set; } = null!;
    public Uri Gateway => Client.GatewayHttp;

    /// <summary>The platform's services (a test publishes the divisions' events on its bus).</summary>
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        var settings = Settings();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEmbeddedPlatform();
        _app = builder.Build();
        _app.MapEmbeddedPlatform();
        await _app.StartAsync();
        Client = new PlatformClient(
            new Uri(settings["Services:gateway-grpc"]!),
            new Uri(settings["Services:gateway"]!),
            _app.Services.GetRequiredService<DevTokenIssuer>());

        // The platform answers within a second or two, but the first calls of a run also warm it up.
        Assertions.SetDefaultExpectTimeout(20_000);
        File.Exists(ChromiumPath).ShouldBeTrue($"Debian's chromium is required at {ChromiumPath} (scripts/install-deps.sh installs it)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var service in EmbeddedPlatform.Services.Append("gateway").Append("gateway-grpc"))
        {
            settings[$"Services:{service}"] = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        }
        settings["Data:Directory"] = _dataDirectory;
        settings["Outbox:PollInterval"] = "00:00:00.200";
        settings["Demo:Enabled"] = "false";
        Configure(settings);
        return settings;
    }

    /// <summary>Settings of a derived fixture, applied over the defaults above.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>A fresh browser context (its own session storage) with a Dutch locale and a desktop viewport.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            // axe-core is injected as a script tag; the page's own CSP admits only its own scripts.
            BypassCSP = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
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
public sealed class BrowserCollection : ICollectionFixture<BrowserPlatformFixture>
{
    public const string Name = "browser";
}
