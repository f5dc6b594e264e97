extern alias KlantbeeldService;

using KlantbeeldService::Uwv.Klantbeeld.Audit;
using KlantbeeldService::Uwv.Klantbeeld.Grpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// Every registration first counts the employee's refused registrations of the last hour in the audit log. On the real
/// PostgreSQL that count reads the small index of refused registrations, not every audit record of the employee (an
/// employee who reads many pictures has thousands). The plan of the exact command EF Core sends is asked for with
/// EXPLAIN. A database of its own.
/// </summary>
public sealed class RefusedRegistrationsPlanTests() : OwnDatabase("refusalplan")
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    protected override async Task PrepareAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task RefusalCount_OfAnEmployeeWithManyReads_ReadsTheIndexOfRefusedRegistrations()
    {
        // 20,000 reads by the employee, three refusals within the hour and one older than the hour.
        await ExecuteAsync(Database, $"""
            INSERT INTO audit_entries ("AuditId", "At", "Subject", "Role", "Team", "Service", "Method", "Fields", "Outcome")
            SELECT gen_random_uuid(), '{Now:O}'::timestamptz - (g || ' seconds')::interval, 'emp-1', 'smz', 'team-a',
                   'klantbeeld', 'GetKlantbeeld', 'klantbeeld', 'allowed'
            FROM generate_series(1, 20000) AS g;
            INSERT INTO audit_entries ("AuditId", "At", "Subject", "Role", "Team", "Service", "Method", "Fields", "Outcome")
            SELECT gen_random_uuid(), '{Now:O}'::timestamptz - (m || ' minutes')::interval, 'emp-1', 'smz', 'team-a',
                   'klantbeeld', '{RefusedRegistrations.Method}', 'person', '{AuditOutcomes.AlreadyExists}'
            FROM unnest(ARRAY[5, 20, 40, 90]) AS m;
            ANALYZE audit_entries;
            """);
        var explain = new ExplainReads();
        await using var audit = Open(explain);
        var clock = new FixedClock(Now);

        var mayWithFour = await new RefusedRegistrations(clock, refusalsPerHour: 4).MayRegisterAsync("emp-1", audit, CancellationToken.None);
        var mayWithThree = await new RefusedRegistrations(clock, refusalsPerHour: 3).MayRegisterAsync("emp-1", audit, CancellationToken.None);

        mayWithFour.ShouldBeTrue();
        mayWithThree.ShouldBeFalse();
        explain.Plan.ShouldContain("IX_audit_entries_refused_registrations");
    }

    private AuditDbContext Open(params IInterceptor[] interceptors) =>
        new((DbContextOptions<AuditDbContext>)new DbContextOptionsBuilder<AuditDbContext>()
            .UsePlatformNpgsql(ConnectionString, "audit").AddInterceptors(interceptors).Options);
}
