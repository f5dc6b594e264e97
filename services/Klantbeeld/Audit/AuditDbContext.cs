using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Audit;
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
            // The hourly count of an employee's refused registrations (RefusedRegistrations) runs before every
            // registration; refusals are rare, so this index holds few entries and the count reads only those.
            e.HasIndex(a => new { a.Subject, a.At }, "IX_audit_entries_refused_registrations")
                .HasFilter($"\"Method\" = '{Uwv.Klantbeeld.Grpc.RefusedRegistrations.Method}' AND \"Outcome\" = '{AuditOutcomes.AlreadyExists}'");
            e.Property(a => a.Method).HasMaxLength(200);
            e.Property(a => a.Service).HasMaxLength(200);
            e.Property(a => a.Purpose).HasMaxLength(500);
        });
        modelBuilder.ApplyPortableConventions(Database);
    }
}
