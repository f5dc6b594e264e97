using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Smz.Data;

public sealed class SmzDbContext(DbContextOptions<SmzDbContext> options) : DivisionDbContext(options)
{
    public DbSet<BeoordelingRecord> Beoordelingen => Set<BeoordelingRecord>();

    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BeoordelingRecord>(e =>
        {
            e.ToTable("beoordelingen");
            e.HasKey(b => b.BeoordelingId);
            e.HasIndex(b => b.ClientId);
            e.HasIndex(b => b.RequestId).IsUnique();
            e.Property(b => b.FmlSummary).HasMaxLength(2000);
            e.Property(b => b.MedicalNotes).HasMaxLength(20000);
            e.Property(b => b.RequestId).HasMaxLength(100);
        });
    }
}
