using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>A service database with the outbox and one entity that has navigations (a folder of sheets).</summary>
public sealed class GraphContext(DbContextOptions<GraphContext> options) : ServiceDbContext(options)
{
    protected override void OnServiceModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Folder>().HasMany(f => f.Sheets).WithOne().HasForeignKey(s => s.FolderId);
}

public sealed class Folder
{
    public Guid Id { get; set; }
    public List<Sheet> Sheets { get; set; } = [];
}

public sealed class Sheet
{
    public Guid Id { get; set; }
    public Guid FolderId { get; set; }
}
