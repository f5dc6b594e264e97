using Microsoft.EntityFrameworkCore;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>The norm_deadlines table, mapped into every division's database.</summary>
public static class NormModel
{
    public const int MaxNorm = 40;
    public const int MaxCategory = 40;

    public static ModelBuilder AddNormDeadlines(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NormDeadlineRecord>(e =>
        {
            e.ToTable("norm_deadlines");
            e.HasKey(d => d.DeadlineId);
            e.HasIndex(d => d.ClientId);
            e.HasIndex(d => new { d.SubjectId, d.Norm });
            e.HasIndex(d => new { d.ResolvedAt, d.EscalatedAt, d.DueAt });
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.Norm).HasMaxLength(MaxNorm);
            e.Property(d => d.Category).HasMaxLength(MaxCategory);
            e.Property(d => d.AreaTeam).HasMaxLength(64);
            e.Property(d => d.Outcome).HasMaxLength(20);
        });
        return modelBuilder;
    }
}
