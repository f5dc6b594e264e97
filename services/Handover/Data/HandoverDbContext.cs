using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Data;

public sealed class HandoverDbContext(DbContextOptions<HandoverDbContext> options) : ServiceDbContext(options)
{
    public DbSet<HandoverRecord> Handovers => Set<HandoverRecord>();
    public DbSet<DossierOwnership> Dossiers => Set<DossierOwnership>();

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandoverRecord>(e =>
        {
            e.ToTable("handovers");
            e.HasKey(h => h.HandoverId);
            e.HasIndex(h => h.DossierId);
            e.HasIndex(h => h.RequestId).IsUnique();
            e.Property(h => h.Version).IsConcurrencyToken();
            e.Property(h => h.State).HasMaxLength(40);
            e.Property(h => h.Reason).HasMaxLength(2000);
            e.Property(h => h.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<DossierOwnership>(e =>
        {
            e.ToTable("dossier_ownership");
            e.HasKey(d => d.DossierId);
            e.HasIndex(d => d.ClientId);
        });
    }
}
