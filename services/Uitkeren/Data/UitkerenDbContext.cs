using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Uitkeren.Data;

public sealed class UitkerenDbContext(DbContextOptions<UitkerenDbContext> options) : DivisionDbContext(options)
{
    public const int MaxReason = 500;

    public DbSet<UitkeringRecord> Uitkeringen => Set<UitkeringRecord>();
    public DbSet<VoorschotRecord> Voorschotten => Set<VoorschotRecord>();
    public DbSet<TerugvorderingRecord> Terugvorderingen => Set<TerugvorderingRecord>();
    public DbSet<InkomstenSignaalRecord> InkomstenSignalen => Set<InkomstenSignaalRecord>();
    public DbSet<VerrekeningRecord> Verrekeningen => Set<VerrekeningRecord>();
    public DbSet<WiaClaimDecisionRecord> WiaClaimDecisions => Set<WiaClaimDecisionRecord>();

    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UitkeringRecord>(e =>
        {
            e.ToTable("uitkeringen");
            e.HasKey(u => u.UitkeringId);
            e.HasIndex(u => u.ClientId);
            e.HasIndex(u => new { u.GrantedBy, u.RequestId }).IsUnique();
            e.Property(u => u.Version).IsConcurrencyToken();
            e.Property(u => u.AreaTeam).HasMaxLength(64);
            e.Property(u => u.GrantedBy).HasMaxLength(200);
            e.Property(u => u.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<VoorschotRecord>(e =>
        {
            e.ToTable("voorschotten");
            e.HasKey(v => v.VoorschotId);
            e.HasIndex(v => v.ClientId);
            e.HasIndex(v => new { v.RequestedBy, v.RequestId }).IsUnique();
            e.Property(v => v.Version).IsConcurrencyToken();
            e.Property(v => v.AreaTeam).HasMaxLength(64);
            e.Property(v => v.RequestedBy).HasMaxLength(200);
            e.Property(v => v.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<TerugvorderingRecord>(e =>
        {
            e.ToTable("terugvorderingen");
            e.HasKey(t => t.TerugvorderingId);
            e.HasIndex(t => t.ClientId);
            e.HasIndex(t => t.SourceId);
            e.HasIndex(t => new { t.RecordedBy, t.RequestId }).IsUnique();
            e.Property(t => t.AreaTeam).HasMaxLength(64);
            e.Property(t => t.Reason).HasMaxLength(MaxReason);
            e.Property(t => t.RecordedBy).HasMaxLength(200);
            e.Property(t => t.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<InkomstenSignaalRecord>(e =>
        {
            e.ToTable("inkomsten_signalen");
            e.HasKey(s => s.SignaalId);
            e.HasIndex(s => new { s.ClientId, s.Period, s.Revision }).IsUnique();
            e.HasIndex(s => new { s.RecordedBy, s.RequestId }).IsUnique();
            e.HasIndex(s => new { s.AreaTeam, s.Status, s.RecordedAt });
            e.Property(s => s.Period).HasMaxLength(7);
            e.Property(s => s.RecordedBy).HasMaxLength(200);
            e.Property(s => s.RequestId).HasMaxLength(100);
            e.Property(s => s.AreaTeam).HasMaxLength(64);
            e.Property(s => s.Status).HasMaxLength(20);
            e.Property(s => s.ReviewNote).HasMaxLength(MaxReason);
            e.Property(s => s.ReviewedBy).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<VerrekeningRecord>(e =>
        {
            e.ToTable("verrekeningen");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedOnAdd();
            e.HasIndex(v => v.SignaalId);
        });
        modelBuilder.Entity<WiaClaimDecisionRecord>(e =>
        {
            e.ToTable("wia_claim_decisions");
            e.HasKey(w => w.BeoordelingId);
            e.HasIndex(w => w.ClientId);
        });
    }
}
