using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Smz.Data;

namespace Uwv.UnitTests.Outbox;

/// <summary>The gauge uwv.outbox.backlog counts unsent rows, and no more often than once per interval however often it is read.</summary>
public sealed class OutboxBacklogTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SteppedClock _clock = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _services = new ServiceCollection()
            .AddDbContext<SmzDbContext>(o => o.UseSqlite(_connection))
            .BuildServiceProvider();
        await InDb(db => db.Database.EnsureCreatedAsync());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Backlog_CountsTheRowsNotYetSent()
    {
        await AddRows(unsent: 2, sent: 1);
        var backlog = Backlog();

        backlog.Current().ShouldBeNull("never counted yet: no value rather than a guess");
        await backlog.Counting;

        backlog.Current().ShouldBe(2);
    }

    [Fact]
    public async Task Backlog_ReadWithinTheInterval_ReusesItsCount_AndCountsAgainAfterIt()
    {
        await AddRows(unsent: 2, sent: 0);
        var backlog = Backlog();
        backlog.Current();
        await backlog.Counting;
        await AddRows(unsent: 1, sent: 0);

        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        backlog.Current().ShouldBe(2);
        backlog.Counting.IsCompleted.ShouldBeTrue("no count starts within the interval");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        backlog.Current().ShouldBe(2, "a stale count is reported while the next one runs");
        await backlog.Counting;
        backlog.Current().ShouldBe(3);
    }

    private OutboxBacklog<SmzDbContext> Backlog() => new("smz",
        _services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new OutboxOptions { BacklogCountInterval = Interval }),
        _clock,
        NullLogger<OutboxBacklog<SmzDbContext>>.Instance);

    private Task AddRows(int unsent, int sent) => InDb(async db =>
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < unsent + sent; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = Guid.NewGuid(), MessageType = "ClientRegistered", Payload = "{}", CreatedAt = now,
                SentAt = i < sent ? now : null,
            });
        }
        await db.SaveChangesAsync();
    });

    private async Task InDb(Func<SmzDbContext, Task> use)
    {
        await using var scope = _services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<SmzDbContext>());
    }
}
