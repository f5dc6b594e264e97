using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>Base of a division's database: its dossiers plus the division's own tables.</summary>
public abstract class DivisionDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DossierRecord> Dossiers => Set<DossierRecord>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DossierRecord>(e =>
        {
            e.ToTable("dossiers");
            e.HasKey(d => d.DossierId);
            e.HasIndex(d => d.ClientId);
            e.HasIndex(d => d.RequestId).IsUnique();
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.OwnerTeam).HasMaxLength(64);
            e.Property(d => d.OwnerEmployee).HasMaxLength(200);
            e.Property(d => d.Status).HasMaxLength(40);
            e.Property(d => d.RequestId).HasMaxLength(100);
        });
        OnDivisionModelCreating(modelBuilder);
    }

    protected abstract void OnDivisionModelCreating(ModelBuilder modelBuilder);
}
