using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Werkbedrijf.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class WerkbedrijfDbContextDesignTimeFactory : IDesignTimeDbContextFactory<WerkbedrijfDbContext>
{
    public WerkbedrijfDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<WerkbedrijfDbContext>("werkbedrijf"));
}
