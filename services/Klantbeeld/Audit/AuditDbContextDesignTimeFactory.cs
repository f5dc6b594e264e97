using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Audit;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class AuditDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<AuditDbContext>("audit"));
}
