using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Smz.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class SmzDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SmzDbContext>
{
    public SmzDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<SmzDbContext>("smz"));
}
