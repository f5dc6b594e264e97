using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Outbox;

/// <summary><see cref="OutboxRetention{TContext}"/> on a real SQLite database (any service's context has the outbox).</summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly DeleteCounter _deletes = new();
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteHandoverServices.CreateAsync("retention", null, _deletes);
    }

    [Fact]
    public async Task Retention_DeletesSentRowsOlderThanRetainSentFor_AndKeepsRecentSentAndUnsentRows()
    {
        await Add(("old sent", Now.AddDays(-8)), ("sent just inside the window", Now - Week + TimeSpan.FromSeconds(1)),
            ("recent sent", Now.AddHours(-1)), ("old unsent", null));

        (await Retain(new OutboxOptions { RetainSentFor = Week })).ShouldBe(1);

        (await Remaining()).ShouldBe(["sent just inside the window", "recent sent", "old unsent"], ignoreOrder: true);
    }

    [Fact]
    public async Task Retention_DeletesInBatchesOfAtMostAThousandRowsPerStatement()
    {
        var rows = OutboxRetention<HandoverDbContext>.BatchSize * 2 + 1;
        await Add([.. Enumerable.Range(0, rows).Select(i => ($"old {i}", (DateTimeOffset?)Now.AddDays(-30)))]);

        (await Retain(new OutboxOptions { RetainSentFor = Week })).ShouldBe(rows);

        _deletes.Count.ShouldBe(3);
        (await Remaining()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Retention_IsOff_WhenReplayOnStartIsOn_BecauseTheReplayNeedsEveryStoredEvent()
    {
        await Add(("old sent", Now.AddDays(-30)));

        (await Retain(new OutboxOptions { RetainSentFor = Week, ReplayOnStart = true })).ShouldBe(0);

        (await Remaining()).ShouldBe(["old sent"]);
    }

    [Theory]
    [InlineData(null)] // the default: the rebuild needs every stored event
    [InlineData("00:00:00")]
    public async Task Retention_IsOff_WhenRetainSentForIsUnsetOrZero(string? retainSentFor)
    {
        await Add(("old sent", Now.AddDays(-3650)));
        var options = new OutboxOptions { RetainSentFor = retainSentFor is null ? null : TimeSpan.Parse(retainSentFor, System.Globalization.CultureInfo.InvariantCulture) };

        (await Retain(options)).ShouldBe(0);

        (await Remaining()).ShouldBe(["old sent"]);
        new OutboxOptions().RetainSentFor.ShouldBeNull();
    }

    private async Task Add(params (string Name, DateTimeOffset? SentAt)[] rows)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        db.OutboxMessages.AddRange(rows.Select(r => new OutboxMessage
        {
            MessageId = Guid.NewGuid(), MessageType = r.Name, Payload = "{}", CreatedAt = Now.AddDays(-60), SentAt = r.SentAt,
        }));
        await db.SaveChangesAsync();
    }

    private Task<int> Retain(OutboxOptions options) =>
        new OutboxRetention<HandoverDbContext>(_database.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options),
            new FixedClock(Now), NullLogger<OutboxRetention<HandoverDbContext>>.Instance).DeleteExpiredAsync(default);

    private async Task<List<string>> Remaining()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoverDbContext>().OutboxMessages.Select(m => m.MessageType).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
    }
}
