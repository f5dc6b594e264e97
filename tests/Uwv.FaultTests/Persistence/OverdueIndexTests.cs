using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.Handover.Grpc;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// The handovers table keeps only the indexes a query reads, because every insert of a handover pays for each of them
/// (decision 0047). The dashboard's overdue handovers are found by an index that holds only the handovers that can be
/// overdue, so a new request (and any handover in another state) writes no entry to it. On the real PostgreSQL; the
/// plan of the exact command EF Core sends is asked for with EXPLAIN. A database of its own per test.
/// </summary>
public sealed class OverdueIndexTests() : OwnDatabase("overdueindex")
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    protected override async Task PrepareAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task OverdueHandovers_OnTheDashboard_AreReadFromTheOverdueIndex()
    {
        // 20,000 handovers that cannot be overdue; three transferred and one escalated past their due date; two
        // transferred and due next week.
        await InsertAsync(20_000, HandoverStates.Requested, Now.AddDays(-30));
        await InsertAsync(3, HandoverStates.Transferred, Now.AddDays(-7));
        await InsertAsync(1, HandoverStates.Escalated, Now.AddDays(-7));
        await InsertAsync(2, HandoverStates.Transferred, Now.AddDays(7));
        await ExecuteAsync(Database, "ANALYZE handovers");
        var explain = new ExplainReads();
        await using var db = Open(explain);
        var kpis = new HandoverKpiGrpcService(db, new KpiStore(db), CalendarExtensions.FromPlatformFile(), new FixedClock(Now));
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        var totals = await kpis.TotalsAsync(new KpiQuery(null, today.AddDays(-30), today, null, null), CancellationToken.None);

        totals.WorkingDaysPastDue.Count.ShouldBe(4);
        explain.Plans.ShouldContain(plan => plan.Contains(HandoverDbContext.OverdueIndex));
        explain.Plans.ShouldNotContain(plan => plan.Contains("Seq Scan on handovers"));
    }

    [Fact]
    public async Task HandoversThatCannotBeOverdue_WriteNoEntryToTheOverdueIndex()
    {
        var empty = await IndexBytesAsync(HandoverDbContext.OverdueIndex);

        await InsertAsync(20_000, HandoverStates.Requested, Now.AddDays(-30));
        await InsertAsync(5_000, HandoverStates.Accepted, Now.AddDays(-30));

        (await IndexBytesAsync(HandoverDbContext.OverdueIndex)).ShouldBe(empty);
        (await IndexBytesAsync("IX_handovers_LineageId")).ShouldBeGreaterThan(empty * 10);
    }

    [Fact]
    public async Task TheDossierOfAHandover_HasNoIndex_BecauseNoQueryReadsHandoversByDossier()
    {
        var indexes = await IndexNamesAsync("handovers");

        indexes.ShouldNotContain("IX_handovers_DossierId");
        indexes.ShouldNotContain("IX_handovers_State_DueAt");
        indexes.ShouldContain(HandoverDbContext.OverdueIndex);
    }

    private Task InsertAsync(int count, string state, DateTimeOffset dueAt) => ExecuteAsync(Database, $"""
        INSERT INTO handovers ("HandoverId", "ClientId", "DossierId", "LineageId", "FromDivision", "ToDivision", "Kind",
            "State", "Reason", "RequestedBy", "RequestId", "Team", "RequestedAt", "DueAt", "NazorgJson",
            "WarmHandoverRequired", "WarmHandoverConfirmed", "EscalationLevel", "Casusoverleg", "Version")
        SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1, 2, 'standard',
            '{state}', 'reden', 'emp-1', gen_random_uuid()::text, 'team-a', '{Now.AddDays(-40):O}'::timestamptz,
            '{dueAt:O}'::timestamptz, '[]', false, false, 0, false, 1
        FROM generate_series(1, {count});
        """);

    private async Task<long> IndexBytesAsync(string index)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_relation_size('\"{index}\"')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> IndexNamesAsync(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE tablename = @table", connection);
        command.Parameters.AddWithValue("table", table);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private HandoverDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<HandoverDbContext>)new DbContextOptionsBuilder<HandoverDbContext>()
            .UsePlatformNpgsql(ConnectionString, "handover").AddInterceptors(interceptors).Options);
}
