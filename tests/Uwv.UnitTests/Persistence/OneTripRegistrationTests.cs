using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Persistence;

/// <summary>
/// A service's own PostgreSQL database sends a write of only inserts in one round trip (decision 0040), which needs the
/// command interceptor on its context; the embedded SQLite has no use for it.
/// </summary>
public sealed class OneTripRegistrationTests
{
    [Fact]
    public void ServiceDatabase_OnPostgres_CarriesTheOneTripInterceptor() =>
        InterceptorsOf("Postgres").ShouldContain(OneTripWriteInterceptor.Instance);

    [Fact]
    public void ServiceDatabase_OnSqlite_GoesWithoutIt() =>
        InterceptorsOf("Sqlite").ShouldNotContain(OneTripWriteInterceptor.Instance);

    private static List<object> InterceptorsOf(string provider)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:handover"] = provider == "Postgres"
            ? "Host=127.0.0.1;Username=postgres;Database=uwv_handover"
            : $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db";
        builder.AddServiceDb<HandoverDbContext>("handover");
        using var services = builder.Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        return db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Cast<object>().ToList() ?? [];
    }
}
