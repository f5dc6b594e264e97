using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class KlantbeeldDbContextDesignTimeFactory : IDesignTimeDbContextFactory<KlantbeeldDbContext>
{
    public KlantbeeldDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<KlantbeeldDbContext>("klantbeeld"));
}
