using System.Reflection;

namespace Uwv.Host.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// The demo of the embedded run (Demo:Enabled, default true): seeded through the APIs after start, in the run
    /// command's own process only, unless Demo:InTestHost asks for it in a test.
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DemoOptions.Section);
        builder.Services.Configure<DemoOptions>(section);
        var demo = section.Get<DemoOptions>() ?? new DemoOptions();
        var isRunCommandHost = Assembly.GetEntryAssembly()?.GetName().Name == typeof(DemoExtensions).Assembly.GetName().Name;
        if (demo.Enabled && (isRunCommandHost || demo.InTestHost))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }
        return builder;
    }
}
