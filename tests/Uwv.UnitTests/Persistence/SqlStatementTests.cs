using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Persistence;

/// <summary>Statements combined into one text keep each argument at its own placeholder.</summary>
public sealed class SqlStatementTests
{
    [Fact]
    public void Combine_RenumbersThePlaceholdersOfEachStatementAfterThoseBefore()
    {
        var combined = SqlStatement.Combine([
            new SqlStatement("UPDATE a SET x = {0} WHERE y = {1};", ["x1", 1]),
            new SqlStatement("UPDATE b SET x = {1} WHERE y = {0};", [2, "x2"]),
        ]);

        combined.Sql.ShouldBe("UPDATE a SET x = {0} WHERE y = {1};\nUPDATE b SET x = {3} WHERE y = {2};\n");
        combined.Arguments.ShouldBe(["x1", 1, 2, "x2"]);
    }

    [Fact]
    public void Combine_OfOneStatement_IsThatStatement()
    {
        var only = new SqlStatement("SELECT {0}", [1]);

        SqlStatement.Combine([only]).ShouldBeSameAs(only);
    }
}
