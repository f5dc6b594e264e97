using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.BezwaarBeroep.Data;

public sealed class BezwaarBeroepDbContext(DbContextOptions<BezwaarBeroepDbContext> options) : DivisionDbContext(options)
{
    public const int MaxReference = 100;
    public const int MaxGrounds = 2000;
    public const int MaxWaivedReason = 500;

    public DbSet<BezwaarRecord> Bezwaren => Set<BezwaarRecord>();

    protected override void OnDivisionModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BezwaarRecord>(e =>
        {
            e.ToTable("bezwaren");
            e.HasKey(b => b.BezwaarId);
            e.HasIndex(b => b.ClientId);
            e.HasIndex(b => new { b.AreaTeam, b.Status, b.BeslistermijnEndsOn });
            e.HasIndex(b => new { b.RegisteredBy, b.RequestId }).IsUnique();
            e.Property(b => b.Version).IsConcurrencyToken();
            e.Property(b => b.AreaTeam).HasMaxLength(64);
            e.Property(b => b.DecisionReference).HasMaxLength(MaxReference);
            e.Property(b => b.Grounds).HasMaxLength(MaxGrounds);
            e.Property(b => b.HorenWaivedReason).HasMaxLength(MaxWaivedReason);
            e.Property(b => b.RegisteredBy).HasMaxLength(200);
            e.Property(b => b.RequestId).HasMaxLength(100);
        });
    }
}
