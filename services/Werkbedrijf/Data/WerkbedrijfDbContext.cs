using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Werkbedrijf.Data;

public sealed class WerkbedrijfDbContext(DbContextOptions<WerkbedrijfDbContext> options) : DivisionDbContext(options)
{
    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        // The division's own work tables are added here as the division's capabilities grow.
    }
}
