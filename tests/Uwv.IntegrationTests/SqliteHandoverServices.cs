using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Handover.Data;

namespace Uwv.IntegrationTests;

/// <summary>
/// The handover service's context on a SQLite file of its own, created from the model, with whatever else a test
/// registers: for tests of code that takes a scope factory (the outbox relay and retention, sweeps, loaders). Any
/// service's context has the outbox; the handover's is the one with the most tables.
/// </summary>
public sealed class SqliteHandoverServices : IAsyncDisposable
{
    private readonly string _file;

    private SqliteHandoverServices(string file, ServiceProvider services)
    {
        _file = file;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<SqliteHandoverServices> CreateAsync(
        string name, Action<IServiceCollection>? register = null, params IInterceptor[] interceptors)
    {
        var file = Path.Combine(Path.GetTempPath(), $"uwv-{name}-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection()
            .AddDbContext<HandoverDbContext>(o => o.UseSqlite($"Data Source={file};Default Timeout=30").AddInterceptors(interceptors));
        register?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HandoverDbContext>().Database.EnsureCreatedAsync();
        return new SqliteHandoverServices(file, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
