using Microsoft.EntityFrameworkCore;

namespace Uwv.ServiceDefaults.Contacts;

/// <summary>The contact and terugbelverzoek tables every division database has.</summary>
public static class ContactModel
{
    public const int MaxSubject = 200;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContactRecord>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(c => c.ContactId);
            e.HasIndex(c => c.ClientId);
            e.HasIndex(c => new { c.LoggedBy, c.RequestId }).IsUnique();
            e.Property(c => c.AreaTeam).HasMaxLength(64);
            e.Property(c => c.Subject).HasMaxLength(MaxSubject);
            e.Property(c => c.LoggedBy).HasMaxLength(200);
            e.Property(c => c.RequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<TerugbelverzoekRecord>(e =>
        {
            e.ToTable("terugbelverzoeken");
            e.HasKey(t => t.TerugbelverzoekId);
            e.HasIndex(t => t.ClientId);
            e.HasIndex(t => new { t.AreaTeam, t.CompletedAt, t.DueAt });
            e.HasIndex(t => new { t.RequestedBy, t.RequestId }).IsUnique();
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.AreaTeam).HasMaxLength(64);
            e.Property(t => t.Subject).HasMaxLength(MaxSubject);
            e.Property(t => t.RequestedBy).HasMaxLength(200);
            e.Property(t => t.CompletedBy).HasMaxLength(200);
            e.Property(t => t.RequestId).HasMaxLength(100);
        });
    }
}
