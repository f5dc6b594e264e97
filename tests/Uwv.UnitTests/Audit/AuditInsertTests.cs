using Uwv.Klantbeeld.Audit;

namespace Uwv.UnitTests.Audit;

public sealed class AuditInsertTests
{
    private static AuditEntry Entry(string subject, Guid? client) => new()
    {
        AuditId = Guid.NewGuid(), At = new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.FromHours(1)), Subject = subject, Role = "procesbegeleider",
        Team = "arnhem-noord", ClientId = client, Service = "klantbeeld", Method = "GetKlantbeeld", Fields = "identity", Outcome = "allowed",
    };

    [Fact]
    public void Insert_NamesTheAuditTableAndEveryColumnButTheGeneratedId_AsTheModelMapsThem()
    {
        using var db = new AuditDbContextDesignTimeFactory().CreateDbContext([]);

        AuditInsert.Statement(db.Model).ShouldBe(
            "INSERT INTO \"audit_entries\" (\"AuditId\", \"At\", \"Subject\", \"Role\", \"Team\", \"ClientId\", \"Service\", \"Method\", \"Fields\", \"Purpose\", \"Outcome\") " +
            "SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)");
    }

    [Fact]
    public void Insert_WritesEveryStoredPropertyOfAnEntry_ExceptTheGeneratedId()
    {
        using var db = new AuditDbContextDesignTimeFactory().CreateDbContext([]);
        var stored = db.Model.FindEntityType(typeof(AuditEntry))!.GetProperties().Select(p => p.Name).Where(n => n != nameof(AuditEntry.Id));

        var statement = AuditInsert.Statement(db.Model);

        stored.ShouldAllBe(name => statement.Contains($"\"{name}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Insert_GivesOneArrayPerColumn_WithTheEntriesInOrder_TheTimesInUtc_AndMissingValuesAsNull()
    {
        var client = Guid.NewGuid();
        var entries = new[] { Entry("a", client), Entry("b", null) };

        var parameters = AuditInsert.Parameters(entries);

        parameters.Count.ShouldBe(11);
        ((Guid[])parameters[0].Value!).ShouldBe(entries.Select(e => e.AuditId));
        ((DateTimeOffset[])parameters[1].Value!).ShouldAllBe(at => at.Offset == TimeSpan.Zero && at == entries[0].At);
        ((string[])parameters[2].Value!).ShouldBe(["a", "b"]);
        ((Guid?[])parameters[5].Value!).ShouldBe([client, null]);
        ((string?[])parameters[9].Value!).ShouldBe([null, null]);
    }
}
