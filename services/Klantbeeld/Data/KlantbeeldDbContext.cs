using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Data;

public sealed class KlantbeeldDbContext(DbContextOptions<KlantbeeldDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ClientRecord> Clients => Set<ClientRecord>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClientRecord>(e =>
        {
            e.ToTable("clients");
            e.HasKey(c => c.ClientId);
            e.HasIndex(c => c.Bsn).IsUnique();
            e.HasIndex(c => new { c.RegisteredBy, c.RequestId }).IsUnique();
            e.Property(c => c.Bsn).HasMaxLength(9);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Postcode).HasMaxLength(6);
            e.Property(c => c.AreaTeam).HasMaxLength(64);
            e.Property(c => c.RequestId).HasMaxLength(100);
            e.Property(c => c.RegisteredBy).HasMaxLength(200);
        });
    }
}
