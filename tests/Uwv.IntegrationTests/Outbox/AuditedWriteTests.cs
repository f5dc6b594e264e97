using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Data;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>
/// <see cref="AuditedWriteInterceptor"/> on a real SQLite database: the audit record of a write call commits in the
/// outbox of the same SaveChanges as the change, or not at all when the change does not commit.
/// </summary>
public sealed class AuditedWriteTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "uwv-audited-write-" + Guid.NewGuid().ToString("N") + ".db");
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddDbContext<KlantbeeldDbContext>(o => o.UseSqlite($"Data Source={_file};Default Timeout=30").AddInterceptors(AuditedWriteInterceptor.Instance))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>().Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Write_CommitsItsAuditRecordInTheSameSaveChangesAsTheChange_Once()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        var write = Begin("RegisterClient");
        try
        {
            db.Clients.Add(Client("111222333"));
            await db.SaveChangesAsync();
            write.Committed.ShouldBeTrue();
            // A later save of the same call adds no second record.
            db.Clients.Add(Client("111222334"));
            await db.SaveChangesAsync();
        }
        finally
        {
            AuditedWrite.End();
        }

        var records = await AuditRecordsAsync();
        records.Select(r => (r.AuditId, r.Method)).ShouldBe([(write.AuditId, "RegisterClient")]);
        (await ClientCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Write_WhoseSaveFails_LeavesNeitherChangeNorAuditRecord_AndARetriedSaveCommitsOneRecord()
    {
        await SeedClientAsync("222333444");
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        var write = Begin("RegisterClient");
        try
        {
            var duplicate = Client("222333444");
            db.Clients.Add(duplicate);
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            write.State.ShouldBe(AuditedWriteState.Pending);
            (await AuditRecordsAsync()).ShouldBeEmpty();
            (await ClientCountAsync()).ShouldBe(1);

            // The handler corrects the change and saves again: the staged record goes with it, once.
            duplicate.Bsn = "222333445";
            await db.SaveChangesAsync();
            write.Committed.ShouldBeTrue();
        }
        finally
        {
            AuditedWrite.End();
        }

        (await AuditRecordsAsync()).Select(r => r.AuditId).ShouldBe([write.AuditId]);
        (await ClientCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Write_ThatSavesNothing_CommitsNoRecord_SoItsRecordGoesTheFailClosedWay()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        var write = Begin("RegisterClient");
        try
        {
            // An idempotent replay finds the earlier result and saves nothing new.
            await db.SaveChangesAsync();
        }
        finally
        {
            AuditedWrite.End();
        }

        write.State.ShouldBe(AuditedWriteState.Pending);
        (await AuditRecordsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Write_InAnExplicitTransaction_IsCommittedOnlyWhenTheTransactionCommits()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        var rolledBack = Begin("RegisterClient");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Clients.Add(Client("333444555"));
            await db.SaveChangesAsync();
            rolledBack.State.ShouldBe(AuditedWriteState.AwaitingCommit);
            await tx.RollbackAsync();
            rolledBack.State.ShouldBe(AuditedWriteState.Pending);
        }
        finally
        {
            AuditedWrite.End();
        }
        (await AuditRecordsAsync()).ShouldBeEmpty();
        (await ClientCountAsync()).ShouldBe(0);

        db.ChangeTracker.Clear();
        var committed = Begin("RegisterClient");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Clients.Add(Client("333444556"));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        finally
        {
            AuditedWrite.End();
        }
        committed.Committed.ShouldBeTrue();
        (await AuditRecordsAsync()).Select(r => r.AuditId).ShouldBe([committed.AuditId]);
    }

    [Fact]
    public async Task Write_SavedInsideAStagingScope_CommitsItsAuditRecordWithTheStagedRow()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        var write = Begin("RegisterClient");
        try
        {
            using (db.StageOutsideTracker())
            {
                db.Insert(Client("555666777"));
                // The record is put in the outbox during the save: it must be tracked then, not staged for later.
                await db.SaveChangesAsync();
            }
            write.Committed.ShouldBeTrue();
        }
        finally
        {
            AuditedWrite.End();
        }

        (await AuditRecordsAsync()).Select(r => r.AuditId).ShouldBe([write.AuditId]);
        (await ClientCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Save_OutsideAWriteCall_AddsNoAuditRecord()
    {
        await SeedClientAsync("444555666");

        (await AuditRecordsAsync()).ShouldBeEmpty();
        (await ClientCountAsync()).ShouldBe(1);
    }

    private static AuditedWrite Begin(string method) => AuditedWrite.Begin(id => new PersonalDataAccessed(
        id, DateTimeOffset.UtcNow, "casemanager.arnhem-noord", "casemanager", "arnhem-noord", null,
        "uwv.klantbeeld.v1.KlantbeeldService", method, "person", null, "allowed"));

    private static ClientRecord Client(string bsn) => new()
    {
        ClientId = Guid.NewGuid(), Bsn = bsn, Name = "Test Cliënt", DateOfBirth = new DateOnly(1980, 1, 1), Postcode = "6811AB",
        AreaTeam = "arnhem-noord", RegisteredAt = DateTimeOffset.UtcNow, RegisteredBy = "casemanager.arnhem-noord",
    };

    private async Task SeedClientAsync(string bsn)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
        db.Clients.Add(Client(bsn));
        await db.SaveChangesAsync();
    }

    private async Task<List<PersonalDataAccessed>> AuditRecordsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>().OutboxMessages
            .Where(m => m.MessageType == nameof(PersonalDataAccessedBatch)).ToListAsync();
        return [.. rows.SelectMany(r => ((PersonalDataAccessedBatch)EventTypes.Deserialize(r.MessageType, r.Payload)).Records)];
    }

    private async Task<int> ClientCountAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>().Clients.CountAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
