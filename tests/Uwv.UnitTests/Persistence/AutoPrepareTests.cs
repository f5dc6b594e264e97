using Npgsql;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Persistence;

public sealed class AutoPrepareTests
{
    [Fact]
    public void PostgresConnection_PreparesRepeatedStatements_WhenTheConnectionStringIsSilent()
    {
        var built = new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithAutoPrepare("Host=127.0.0.1;Port=5432;Username=postgres;Database=uwv_handover"));

        built.MaxAutoPrepare.ShouldBe(64);
        built.AutoPrepareMinUsages.ShouldBe(2);
        built.Database.ShouldBe("uwv_handover");
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=10")]
    [InlineData("Host=db;max auto prepare=5")]
    public void PostgresConnection_KeepsTheOperatorsAutoPrepareSetting(string given)
    {
        PersistenceExtensions.WithAutoPrepare(given).ShouldBe(given);
    }
}
