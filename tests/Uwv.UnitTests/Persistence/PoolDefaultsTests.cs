using Microsoft.Data.Sqlite;
using Npgsql;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Persistence;

public sealed class PoolDefaultsTests
{
    [Fact]
    public void PostgresConnection_PreparesRepeatedStatements_WhenTheConnectionStringIsSilent()
    {
        var built = new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithPoolDefaults("Host=127.0.0.1;Port=5432;Username=postgres;Database=uwv_handover"));

        built.MaxAutoPrepare.ShouldBe(64);
        built.AutoPrepareMinUsages.ShouldBe(2);
        built.Database.ShouldBe("uwv_handover");
        built.Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public void PostgresConnection_IsNotResetOnReturnToThePool_WhenTheConnectionStringIsSilent()
    {
        new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithPoolDefaults("Host=db;Username=u")).NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public void PostgresConnection_OpensAtMostTwentyConnections_WhenTheConnectionStringIsSilent()
    {
        new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithPoolDefaults("Host=db;Username=u")).MaxPoolSize
            .ShouldBe(PersistenceExtensions.MaxConnections);
        PersistenceExtensions.MaxConnections.ShouldBe(20);
    }

    [Fact]
    public void ConnectionLimit_LeavesEveryKpiShardHolderAConnection()
    {
        PersistenceExtensions.MaxConnections.ShouldBeGreaterThanOrEqualTo(Uwv.Handover.Data.KpiStore.Shards);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=100", 100)]
    [InlineData("Host=db;MaxPoolSize=8", 8)]
    [InlineData("Host=db;maximum pool size=50", 50)]
    public void PostgresConnection_KeepsTheOperatorsPoolSize(string given, int expected)
    {
        new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithPoolDefaults(given)).MaxPoolSize.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;max auto prepare=5", 5)]
    public void PostgresConnection_KeepsTheOperatorsAutoPrepareSetting(string given, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithPoolDefaults(given));

        built.MaxAutoPrepare.ShouldBe(expected);
        built.AutoPrepareMinUsages.ShouldBe(new NpgsqlConnectionStringBuilder().AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=False")]
    public void PostgresConnection_KeepsTheOperatorsResetSetting(string given)
    {
        new NpgsqlConnectionStringBuilder(PersistenceExtensions.WithPoolDefaults(given)).NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public void SqliteConnection_IsNotPooled_WhenTheConnectionStringIsSilent()
    {
        var built = new SqliteConnectionStringBuilder(PersistenceExtensions.WithoutSqlitePooling("Data Source=/data/smz.db"));

        built.Pooling.ShouldBeFalse();
        built.DataSource.ShouldBe("/data/smz.db");
    }

    [Theory]
    [InlineData("Data Source=smz.db;Pooling=True")]
    [InlineData("Data Source=smz.db;pooling=true")]
    public void SqliteConnection_KeepsTheOperatorsPoolingSetting(string given)
    {
        new SqliteConnectionStringBuilder(PersistenceExtensions.WithoutSqlitePooling(given)).Pooling.ShouldBeTrue();
    }
}
