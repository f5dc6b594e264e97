using Microsoft.EntityFrameworkCore.Design;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Uitkeren.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service (scripts/add-migration.sh).</summary>
public sealed class UitkerenDbContextDesignTimeFactory : IDesignTimeDbContextFactory<UitkerenDbContext>
{
    public UitkerenDbContext CreateDbContext(string[] args) => new(PostgresMigrations.DesignTimeOptions<UitkerenDbContext>("uitkeren"));
}
