using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.Handover.Data;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Data;
using Uwv.Smz.Data;
using Uwv.Uitkeren.Data;
using Uwv.Werkbedrijf.Data;

namespace Uwv.UnitTests.Persistence;

/// <summary>
/// Every PostgreSQL context's checked-in migrations describe its model (decision 0026): a model change without its
/// migration (scripts/add-migration.sh) fails here, before a service would refuse to migrate at start-up.
/// </summary>
public sealed class MigrationTests
{
    private static readonly Dictionary<string, Func<DbContext>> Contexts = new()
    {
        ["Handover"] = () => new HandoverDbContextDesignTimeFactory().CreateDbContext([]),
        ["Klantbeeld"] = () => new KlantbeeldDbContextDesignTimeFactory().CreateDbContext([]),
        ["Audit"] = () => new AuditDbContextDesignTimeFactory().CreateDbContext([]),
        ["Smz"] = () => new SmzDbContextDesignTimeFactory().CreateDbContext([]),
        ["Uitkeren"] = () => new UitkerenDbContextDesignTimeFactory().CreateDbContext([]),
        ["Werkbedrijf"] = () => new WerkbedrijfDbContextDesignTimeFactory().CreateDbContext([]),
        ["BezwaarBeroep"] = () => new BezwaarBeroepDbContextDesignTimeFactory().CreateDbContext([]),
    };

    public static TheoryData<string> ContextNames => [.. Contexts.Keys];

    [Theory]
    [MemberData(nameof(ContextNames))]
    public void Model_WithoutANewMigration_IsTheLatestMigrationsModel(string context)
    {
        using var db = Contexts[context]();

        db.Database.HasPendingModelChanges().ShouldBeFalse($"{context}'s model changed without a migration: scripts/add-migration.sh {context} <Name>");
    }

    [Theory]
    [MemberData(nameof(ContextNames))]
    public void FirstMigration_IsTheBaselineOfTheReleaseBeforeMigrations(string context)
    {
        using var db = Contexts[context]();

        db.Database.GetMigrations().First().ShouldEndWith("_Baseline");
    }
}
