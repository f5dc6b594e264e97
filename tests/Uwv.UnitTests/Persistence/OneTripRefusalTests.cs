using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Persistence;

/// <summary>
/// While a write of one round trip is pending, the interceptor lets exactly one batch through and refuses every other
/// command: a second command would commit on its own, and the write would no longer be all or nothing (decision 0040).
/// </summary>
public sealed class OneTripRefusalTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly HandoverDbContext _db;

    public OneTripRefusalTests()
    {
        _connection.Open();
        _db = new HandoverDbContext(new DbContextOptionsBuilder<HandoverDbContext>()
            .UseSqlite(_connection).AddInterceptors(OneTripWriteInterceptor.Instance).Options);
        _db.PendingLastStatement = new SqlStatement("SELECT {0};", [1]);
    }

    [Fact]
    public void PendingWrite_ASecondBatch_IsRefused()
    {
        _db.Database.SqlQueryRaw<int>("SELECT 1 AS Value;").ToList();

        _db.LastStatementSent.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => _db.Database.SqlQueryRaw<int>("SELECT 1 AS Value;").ToList());
    }

    [Fact]
    public void PendingWrite_ACommandOutsideTheBatch_IsRefused() =>
        Should.Throw<InvalidOperationException>(() => _db.Database.ExecuteSqlRaw("SELECT 1"));

    [Fact]
    public void NoPendingWrite_CommandsRunUntouched()
    {
        _db.PendingLastStatement = null;

        _db.Database.ExecuteSqlRaw("SELECT 1");
        _db.Database.SqlQueryRaw<int>("SELECT 2 AS Value").ToList().ShouldBe([2]);
        _db.LastStatementSent.ShouldBeFalse();
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }
}
