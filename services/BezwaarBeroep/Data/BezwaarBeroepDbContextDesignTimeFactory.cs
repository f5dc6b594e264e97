using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.BezwaarBeroep.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class BezwaarBeroepDbContextDesignTimeFactory : IDesignTimeDbContextFactory<BezwaarBeroepDbContext>
{
    public BezwaarBeroepDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<BezwaarBeroepDbContext>("bezwaarberoep"));
}
