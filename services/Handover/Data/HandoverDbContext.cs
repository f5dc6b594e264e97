using Microsoft.EntityFrameworkCore;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Data;

public sealed class HandoverDbContext(DbContextOptions<HandoverDbContext> options) : ServiceDbContext(options)
{
    public DbSet<HandoverRecord> Handovers => Set<HandoverRecord>();
    public DbSet<HandoverHistoryRecord> History => Set<HandoverHistoryRecord>();
    public DbSet<DossierOwnership> Dossiers => Set<DossierOwnership>();
    public DbSet<DossierMoveRecord> DossierMoves => Set<DossierMoveRecord>();
    public DbSet<HandoverDeadline> Deadlines => Set<HandoverDeadline>();
    public DbSet<HandoverCommandRecord> Commands => Set<HandoverCommandRecord>();
    public DbSet<SignaalRecord> Signalen => Set<SignaalRecord>();
    public DbSet<ClientTeamRecord> ClientTeams => Set<ClientTeamRecord>();
    public DbSet<KpiCounter> KpiCounters => Set<KpiCounter>();
    public DbSet<KpiGauge> KpiGauges => Set<KpiGauge>();
    public DbSet<KpiLineageRecord> KpiLineages => Set<KpiLineageRecord>();
    public DbSet<KpiVerzoekRecord> KpiVerzoeken => Set<KpiVerzoekRecord>();
    public DbSet<KpiWgaClientRecord> KpiWgaClients => Set<KpiWgaClientRecord>();
    public DbSet<KpiNormDeadlineRecord> KpiNormDeadlines => Set<KpiNormDeadlineRecord>();

    /// <summary>
    /// The index of the handovers that can be overdue (waiting for the receiving side, or escalated), by due date. A
    /// handover in any other state has no entry, so a new request does not write to it.
    /// </summary>
    public const string OverdueIndex = "IX_handovers_overdue";

    private const string OverdueFilter = "\"State\" IN ('" + HandoverStates.Transferred + "', '" + HandoverStates.Escalated + "')";

    protected override void OnServiceModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandoverRecord>(e =>
        {
            e.ToTable("handovers");
            e.HasKey(h => h.HandoverId);
            // Only indexes a query reads: each one is paid by every insert of a handover (decision 0047).
            e.HasIndex(h => h.LineageId);
            e.HasIndex(h => h.ClientId);
            e.HasIndex(h => h.DueAt).HasDatabaseName(OverdueIndex).HasFilter(OverdueFilter);
            e.HasIndex(h => new { h.RequestedBy, h.RequestId }).IsUnique();
            e.Property(h => h.Version).IsConcurrencyToken();
            e.Property(h => h.State).HasMaxLength(40);
            e.Property(h => h.Kind).HasMaxLength(20);
            e.Property(h => h.Team).HasMaxLength(64);
            e.Property(h => h.Reason).HasMaxLength(2000);
            e.Property(h => h.OpenQuestions).HasMaxLength(2000);
            e.Property(h => h.ReturnReason).HasMaxLength(2000);
            e.Property(h => h.CancelReason).HasMaxLength(2000);
            e.Property(h => h.ReturnReasonCategory).HasMaxLength(40);
            e.Property(h => h.ReceivingColleague).HasMaxLength(200);
            e.Property(h => h.RequestedBy).HasMaxLength(200);
            e.Property(h => h.RequestId).HasMaxLength(100);
            e.Property(h => h.CasusoverlegOutcome).HasMaxLength(2000);
            e.Property(h => h.CasusoverlegBy).HasMaxLength(200);
        });
        modelBuilder.Entity<HandoverHistoryRecord>(e =>
        {
            e.ToTable("handover_history");
            e.HasKey(h => new { h.HandoverId, h.Version, h.Seq });
            e.Property(h => h.What).HasMaxLength(40);
            e.Property(h => h.By).HasMaxLength(200);
            e.Property(h => h.Reason).HasMaxLength(2000);
            e.Property(h => h.Category).HasMaxLength(40);
            e.Property(h => h.Level).HasMaxLength(20);
            e.Property(h => h.Cause).HasMaxLength(40);
            e.Property(h => h.Colleague).HasMaxLength(200);
        });
        modelBuilder.Entity<DossierOwnership>(e =>
        {
            e.ToTable("dossier_ownership");
            e.HasKey(d => d.DossierId);
            e.HasIndex(d => d.ClientId);
            e.HasIndex(d => new { d.LineageId, d.Active });
            e.Property(d => d.Team).HasMaxLength(64);
        });
        modelBuilder.Entity<DossierMoveRecord>(e =>
        {
            e.ToTable("dossier_moves");
            e.HasKey(m => m.MoveId);
            e.HasIndex(m => m.LineageId);
            e.Property(m => m.Movement).HasMaxLength(20);
        });
        modelBuilder.Entity<HandoverDeadline>(e =>
        {
            e.ToTable("handover_deadlines");
            e.HasKey(d => d.DeadlineId);
            e.HasIndex(d => new { d.FiredAt, d.ResolvedAt, d.DueAt });
            e.HasIndex(d => d.HandoverId);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<HandoverCommandRecord>(e =>
        {
            e.ToTable("handover_commands");
            e.HasKey(c => new { c.RequestedBy, c.RequestId });
            e.Property(c => c.RequestedBy).HasMaxLength(200);
            e.Property(c => c.RequestId).HasMaxLength(100);
            e.Property(c => c.Command).HasMaxLength(60);
        });
        modelBuilder.Entity<ClientTeamRecord>(e =>
        {
            e.ToTable("client_teams");
            e.HasKey(c => c.ClientId);
            e.Property(c => c.Team).HasMaxLength(64);
        });
        modelBuilder.Entity<SignaalRecord>(e =>
        {
            e.ToTable("signalen");
            e.HasKey(s => s.SignaalId);
            e.HasIndex(s => s.ClientId);
            e.HasIndex(s => new { s.RecordedBy, s.RequestId }).IsUnique();
            e.Property(s => s.Team).HasMaxLength(64);
            e.Property(s => s.Note).HasMaxLength(2000);
            e.Property(s => s.RecordedBy).HasMaxLength(200);
            e.Property(s => s.RequestId).HasMaxLength(100);
            e.Property(s => s.EndedBy).HasMaxLength(200);
            e.Property(s => s.EndReason).HasMaxLength(2000);
            e.Property(s => s.EndRequestId).HasMaxLength(100);
            e.HasIndex(s => new { s.EndedBy, s.EndRequestId });
        });
        OnKpiModelCreating(modelBuilder);
    }

    private static void OnKpiModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KpiCounter>(e =>
        {
            e.ToTable("kpi_counters");
            e.HasKey(c => new { c.Period, c.Team, c.FromDivision, c.ToDivision, c.Metric, c.Shard });
            e.Property(c => c.Team).HasMaxLength(64);
            e.Property(c => c.Metric).HasMaxLength(60);
        });
        modelBuilder.Entity<KpiGauge>(e =>
        {
            e.ToTable("kpi_gauges");
            e.HasKey(g => new { g.Team, g.Division, g.Metric, g.Shard });
            e.Property(g => g.Team).HasMaxLength(64);
            e.Property(g => g.Metric).HasMaxLength(60);
        });
        modelBuilder.Entity<KpiLineageRecord>(e =>
        {
            e.ToTable("kpi_lineages");
            e.HasKey(l => l.LineageId);
        });
        modelBuilder.Entity<KpiVerzoekRecord>(e =>
        {
            e.ToTable("kpi_verzoeken");
            e.HasKey(v => v.VerzoekId);
            e.Property(v => v.Team).HasMaxLength(64);
        });
        modelBuilder.Entity<KpiWgaClientRecord>(e =>
        {
            e.ToTable("kpi_wga_clients");
            e.HasKey(c => c.ClientId);
            e.Property(c => c.Team).HasMaxLength(64);
        });
        modelBuilder.Entity<KpiNormDeadlineRecord>(e =>
        {
            e.ToTable("kpi_norm_deadlines");
            e.HasKey(d => d.DeadlineId);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
    }
}
