using Microsoft.Extensions.Configuration;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Testing;

/// <summary>
/// The shared platform settings (config/platform.json), read the way the services read them. They hold no development
/// signing key: a test platform makes one per run (<see cref="ProcessPlatform.Auth"/>).
/// </summary>
public static class PlatformSettings
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("platform.json", optional: false)
        .Build();

    public static AuthOptions Auth() => Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()!;
}
