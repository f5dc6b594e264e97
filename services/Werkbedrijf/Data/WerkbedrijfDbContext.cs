using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Werkbedrijf.Data;

public sealed class WerkbedrijfDbContext(DbContextOptions<WerkbedrijfDbContext> options) : DivisionDbContext(options)
{
    public const int MaxText = 1000;

    public DbSet<TrajectRecord> Trajecten => Set<TrajectRecord>();
    public DbSet<TrajectItemRecord> TrajectItems => Set<TrajectItemRecord>();
    public DbSet<TrajectPhaseChangeRecord> TrajectPhaseChanges => Set<TrajectPhaseChangeRecord>();
    public DbSet<HerbeoordelingsverzoekRecord> Herbeoordelingsverzoeken => Set<HerbeoordelingsverzoekRecord>();

    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TrajectRecord>(e =>
        {
            e.ToTable("trajecten");
            e.HasKey(t => t.TrajectId);
            e.HasIndex(t => t.ClientId);
            e.HasIndex(t => new { t.StartedBy, t.RequestId }).IsUnique();
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.AreaTeam).HasMaxLength(64);
            e.Property(t => t.StartedBy).HasMaxLength(200);
            e.Property(t => t.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<TrajectItemRecord>(e =>
        {
            e.ToTable("traject_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedOnAdd();
            e.HasIndex(i => i.TrajectId);
            e.Property(i => i.Kind).HasMaxLength(20);
            e.Property(i => i.Description).HasMaxLength(MaxText);
            e.Property(i => i.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<TrajectPhaseChangeRecord>(e =>
        {
            e.ToTable("traject_phase_changes");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedOnAdd();
            e.HasIndex(c => c.TrajectId);
            e.Property(c => c.Note).HasMaxLength(MaxText);
            e.Property(c => c.ChangedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<HerbeoordelingsverzoekRecord>(e =>
        {
            e.ToTable("herbeoordelingsverzoeken");
            e.HasKey(v => v.VerzoekId);
            e.HasIndex(v => v.ClientId);
            e.HasIndex(v => new { v.AreaTeam, v.State });
            e.HasIndex(v => new { v.OpenedBy, v.RequestId }).IsUnique();
            e.Property(v => v.AreaTeam).HasMaxLength(64);
            e.Property(v => v.Reason).HasMaxLength(MaxText);
            e.Property(v => v.OpenedBy).HasMaxLength(200);
            e.Property(v => v.PickedUpBy).HasMaxLength(200);
            e.Property(v => v.Outcome).HasMaxLength(MaxText);
            e.Property(v => v.RequestId).HasMaxLength(100);
        });
    }
}
