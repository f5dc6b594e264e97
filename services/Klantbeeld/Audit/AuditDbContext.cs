using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Audit;

/// <summary>The audit log's own database, separate from the data it records looks at.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.HasIndex(a => a.AuditId).IsUnique();
            e.HasIndex(a => a.ClientId);
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.Subject);
            e.Property(a => a.Method).HasMaxLength(200);
            e.Property(a => a.Service).HasMaxLength(200);
            e.Property(a => a.Purpose).HasMaxLength(500);
        });
        modelBuilder.ApplyPortableConventions(Database);
    }
}
