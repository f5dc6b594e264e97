using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class HandoverDbContextDesignTimeFactory : IDesignTimeDbContextFactory<HandoverDbContext>
{
    public HandoverDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<HandoverDbContext>("handover"));
}
