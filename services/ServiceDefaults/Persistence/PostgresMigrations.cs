using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// How a database's PostgreSQL schema is versioned (decision 0026): EF Core migrations, one history table per context, so
/// two contexts pointed at one database keep separate histories.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>The history table of the database registered as <paramref name="name"/> ("handover", "audit", ...).</summary>
    public static string HistoryTable(string name) => "__ef_migrations_" + name;

    /// <summary>The name of every context's first migration: the schema of the last release before migrations.</summary>
    public const string Baseline = "Baseline";

    /// <summary>The provider options every PostgreSQL context of the platform uses, at run time and at design time.</summary>
    public static void Configure(NpgsqlDbContextOptionsBuilder npgsql, string name) => npgsql.MigrationsHistoryTable(HistoryTable(name));

    /// <summary>
    /// Options for <c>dotnet ef migrations add</c> (scripts/add-migration.sh): the PostgreSQL model with no server needed;
    /// the connection string is never opened.
    /// </summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string name) where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost;Database=uwv_design_time", npgsql => Configure(npgsql, name))
            .Options;
}
