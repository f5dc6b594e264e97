extern alias Services;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Uwv.ServiceDefaults.Persistence;
using Services::Uwv.BezwaarBeroep.Data;
using Services::Uwv.Handover.Data;
using Services::Uwv.Klantbeeld.Audit;
using Services::Uwv.Klantbeeld.Data;
using Services::Uwv.Smz.Data;
using Services::Uwv.Uitkeren.Data;
using Services::Uwv.Werkbedrijf.Data;
using Uwv.Testing;

namespace Uwv.EndToEndTests.Upgrade;

/// <summary>
/// A run's databases as the last release before migrations made them at its first start (decision 0026): its schema,
/// kept as the <c>Baseline</c> migration, through each service's own login (the audit store's through its owner), and
/// no migration history. The platform that starts on them then adopts them and applies the later migrations: its start
/// is an upgrade.
/// </summary>
public static class PreviousReleaseDatabases
{
    /// <summary>Every database of the platform, as the name it is registered under (its history table is named after it).</summary>
    public static readonly IReadOnlyList<string> Names = [.. ServiceAccounts.Services, PlatformDatabases.Audit];

    public static async Task CreateAsync(ProcessPlatform platform)
    {
        PlatformDatabases.Create(platform.Postgres, platform.RunId + "_");
        foreach (var name in Names)
        {
            await using var db = Open(name, Login(platform, name));
            await db.GetService<IMigrator>().MigrateAsync(PostgresMigrations.Baseline);
            var dropHistory = $"DROP TABLE \"{PostgresMigrations.HistoryTable(name)}\"";
            await db.Database.ExecuteSqlRawAsync(dropHistory);
        }
    }

    private static string Login(ProcessPlatform platform, string name) => ServiceAccounts.PostgresLogin(platform.Postgres,
        name == PlatformDatabases.Audit ? ServiceAccounts.AuditOwner : ServiceAccounts.PostgresRole(name), $"{platform.RunId}_{name}");

    /// <summary>Every migration the build knows for <paramref name="name"/>, oldest first.</summary>
    public static IReadOnlyList<string> Migrations(string name)
    {
        using var db = Open(name, "Host=unused");
        return [.. db.Database.GetMigrations()];
    }

    private static DbContext Open(string name, string connectionString) => name switch
    {
        "handover" => new HandoverDbContext(Options<HandoverDbContext>(connectionString)),
        "klantbeeld" => new KlantbeeldDbContext(Options<KlantbeeldDbContext>(connectionString)),
        PlatformDatabases.Audit => new AuditDbContext(Options<AuditDbContext>(connectionString)),
        "smz" => new SmzDbContext(Options<SmzDbContext>(connectionString)),
        "uitkeren" => new UitkerenDbContext(Options<UitkerenDbContext>(connectionString)),
        "werkbedrijf" => new WerkbedrijfDbContext(Options<WerkbedrijfDbContext>(connectionString)),
        "bezwaarberoep" => new BezwaarBeroepDbContext(Options<BezwaarBeroepDbContext>(connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such database"),
    };

    private static DbContextOptions<TContext> Options<TContext>(string connectionString) where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>().UseNpgsql(connectionString, npgsql => PostgresMigrations.Configure(npgsql, NameOf<TContext>())).Options;

    private static string NameOf<TContext>() => typeof(TContext).Name switch
    {
        nameof(AuditDbContext) => PlatformDatabases.Audit,
        var context => context.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant(),
    };
}
