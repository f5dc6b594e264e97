using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Uwv.ServiceDefaults;

public static class PlatformConfiguration
{
    /// <summary>
    /// Adds config/platform.json (copied next to every runnable project's binaries) as the LOWEST-priority source,
    /// so appsettings, environment variables and command-line flags all override it.
    /// </summary>
    public static void AddPlatformDefaults(this IConfigurationManager configuration)
    {
        var sources = ((IConfigurationBuilder)configuration).Sources;
        if (sources.OfType<JsonConfigurationSource>().Any(s => s.Path == "platform.json"))
        {
            return;
        }
        sources.Insert(0, new JsonConfigurationSource
        {
            Path = "platform.json",
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
    }
}
