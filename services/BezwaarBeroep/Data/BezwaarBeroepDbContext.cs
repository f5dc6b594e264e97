using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.BezwaarBeroep.Data;

public sealed class BezwaarBeroepDbContext(DbContextOptions<BezwaarBeroepDbContext> options) : DivisionDbContext(options)
{
    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        // The division's own work tables are added here as the division's capabilities grow.
    }
}
