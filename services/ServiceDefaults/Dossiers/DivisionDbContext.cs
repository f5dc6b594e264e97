using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>Base of a division's database: its dossiers with their status history, contacts, terugbelverzoeken and norm deadlines, plus the division's own tables.</summary>
public abstract class DivisionDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DossierRecord> Dossiers => Set<DossierRecord>();
    public DbSet<DossierStatusChangeRecord> DossierStatusChanges => Set<DossierStatusChangeRecord>();
    public DbSet<ContactRecord> Contacts => Set<ContactRecord>();
    public DbSet<TerugbelverzoekRecord> Terugbelverzoeken => Set<TerugbelverzoekRecord>();
    public DbSet<NormDeadlineRecord> NormDeadlines => Set<NormDeadlineRecord>();

    /// <summary>Commits; a race with the norm sweeper over a deadline this change moves or resolves is merged, not refused (<see cref="NormConflicts"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict) when (attempt < 3)
            {
                if (!await NormConflicts.TryMergeAsync(this, conflict, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DossierRecord>(e =>
        {
            e.ToTable("dossiers");
            e.HasKey(d => d.DossierId);
            e.HasIndex(d => d.ClientId);
            e.HasIndex(d => new { d.RequestedBy, d.RequestId }).IsUnique();
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.OwnerTeam).HasMaxLength(64);
            e.Property(d => d.OwnerEmployee).HasMaxLength(200);
            e.Property(d => d.Status).HasMaxLength(40);
            e.Property(d => d.RequestId).HasMaxLength(100);
            e.Property(d => d.RequestedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<DossierStatusChangeRecord>(e =>
        {
            e.ToTable("dossier_status_changes");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedOnAdd();
            e.HasIndex(h => h.DossierId);
            e.Property(h => h.FromStatus).HasMaxLength(40);
            e.Property(h => h.ToStatus).HasMaxLength(40);
            e.Property(h => h.Reason).HasMaxLength(DossierStatuses.MaxReason);
            e.Property(h => h.ChangedBy).HasMaxLength(200);
        });
        ContactModel.Configure(modelBuilder);
        modelBuilder.AddNormDeadlines();
        OnDivisionModelCreating(modelBuilder);
    }

    protected abstract void OnDivisionModelCreating(ModelBuilder modelBuilder);
}
