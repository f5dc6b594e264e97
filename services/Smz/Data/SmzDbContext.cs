using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Smz.Data;

public sealed class SmzDbContext(DbContextOptions<SmzDbContext> options) : DivisionDbContext(options)
{
    public const int MaxText = 1000;

    public DbSet<BeoordelingRecord> Beoordelingen => Set<BeoordelingRecord>();
    public DbSet<HerkeuringsaanvraagRecord> Herkeuringsaanvragen => Set<HerkeuringsaanvraagRecord>();
    public DbSet<Wga80100MonitoringRecord> Wga80100Monitoring => Set<Wga80100MonitoringRecord>();
    public DbSet<SmzVerzoekRecord> Herbeoordelingsverzoeken => Set<SmzVerzoekRecord>();
    public DbSet<ReintegratieOwnerRecord> ReintegratieOwners => Set<ReintegratieOwnerRecord>();

    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BeoordelingRecord>(e =>
        {
            e.ToTable("beoordelingen");
            e.HasKey(b => b.BeoordelingId);
            e.HasIndex(b => b.ClientId);
            e.HasIndex(b => new { b.RecordedBy, b.RequestId }).IsUnique();
            e.Property(b => b.FmlSummary).HasMaxLength(2000);
            e.Property(b => b.MedicalNotes).HasMaxLength(20000);
            e.Property(b => b.Verzekeringsarts).HasMaxLength(200);
            e.Property(b => b.Arbeidsdeskundige).HasMaxLength(200);
            e.Property(b => b.RequestId).HasMaxLength(100);
            e.Property(b => b.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<HerkeuringsaanvraagRecord>(e =>
        {
            e.ToTable("herkeuringsaanvragen");
            e.HasKey(h => h.AanvraagId);
            e.HasIndex(h => h.ClientId);
            e.HasIndex(h => new { h.AreaTeam, h.CalledOn, h.CallDueOn });
            e.HasIndex(h => new { h.RegisteredBy, h.RequestId }).IsUnique();
            e.Property(h => h.Version).IsConcurrencyToken();
            e.Property(h => h.AreaTeam).HasMaxLength(64);
            e.Property(h => h.RegisteredBy).HasMaxLength(200);
            e.Property(h => h.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<Wga80100MonitoringRecord>(e =>
        {
            e.ToTable("wga_80_100_monitoring");
            e.HasKey(w => w.ClientId);
            e.HasIndex(w => new { w.AreaTeam, w.NextContactDueOn });
            e.Property(w => w.AreaTeam).HasMaxLength(64);
        });
        modelBuilder.Entity<ReintegratieOwnerRecord>(e =>
        {
            e.ToTable("reintegratie_owners");
            e.HasKey(r => r.ClientId);
            e.HasIndex(r => new { r.DecidedBy, r.RequestId }).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.AreaTeam).HasMaxLength(64);
            e.Property(r => r.Owner).HasMaxLength(20);
            e.Property(r => r.Reason).HasMaxLength(2000);
            e.Property(r => r.DecidedBy).HasMaxLength(200);
            e.Property(r => r.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<SmzVerzoekRecord>(e =>
        {
            e.ToTable("herbeoordelingsverzoeken");
            e.HasKey(v => v.VerzoekId);
            e.HasIndex(v => v.ClientId);
            e.HasIndex(v => new { v.AreaTeam, v.State });
            e.Property(v => v.Version).IsConcurrencyToken();
            e.Property(v => v.AreaTeam).HasMaxLength(64);
            e.Property(v => v.Reason).HasMaxLength(MaxText);
            e.Property(v => v.PickedUpBy).HasMaxLength(200);
            e.Property(v => v.Outcome).HasMaxLength(MaxText);
        });
    }
}
