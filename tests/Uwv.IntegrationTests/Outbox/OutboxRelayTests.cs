using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>
/// <see cref="OutboxRelay{TContext}"/> on a real SQLite database and MassTransit's in-memory bus: what one pass leaves
/// in the table, for a row it published and for a row it could not.
/// </summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly IBusControl _bus = MassTransit.Bus.Factory.CreateUsingInMemory(_ => { });
    private readonly PublishCounter _published = new();
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteHandoverServices.CreateAsync("relay");
        _bus.ConnectPublishObserver(_published);
        await _bus.StartAsync();
    }

    [Fact]
    public async Task Relay_StampsThePublishedRowSent_AndCountsAnAttemptOnTheRowItCouldNotPublish_WhichStaysUnsent()
    {
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
            db.Publish(new ClientMoved(Guid.NewGuid(), "6811 AB", "6821 AB", "arnhem-centrum", "arnhem-noord", "medewerker", Now), Now);
            db.OutboxMessages.Add(new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "NoSuchEvent", Payload = "{}", CreatedAt = Now });
            await db.SaveChangesAsync();
        }
        var relay = new OutboxRelay<HandoverDbContext>(_database.Services.GetRequiredService<IServiceScopeFactory>(), _bus,
            new OutboxSignal<HandoverDbContext>(), Options.Create(new OutboxOptions()), new FixedClock(Now),
            NullLogger<OutboxRelay<HandoverDbContext>>.Instance);

        await Should.ThrowAsync<InvalidOperationException>(() => relay.PublishBatchAsync(CancellationToken.None));
        await Should.ThrowAsync<InvalidOperationException>(() => relay.PublishBatchAsync(CancellationToken.None));

        var rows = await Rows();
        rows[nameof(ClientMoved)].ShouldBe((Now, 0, null), "stamped sent");
        _published.Count.ShouldBe(1, "the stamped row is not read, nor published, again");
        rows["NoSuchEvent"].ShouldBe(((DateTimeOffset?)null, 2, nameof(InvalidOperationException)), "unsent, an attempt counted per pass");
    }

    private async Task<Dictionary<string, (DateTimeOffset? SentAt, int Attempts, string? LastError)>> Rows()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<HandoverDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        return rows.ToDictionary(m => m.MessageType, m => (m.SentAt, m.Attempts, m.LastError));
    }

    private sealed class PublishCounter : IPublishObserver
    {
        private int _count;
        public int Count => _count;
        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _database.DisposeAsync();
    }
}
