using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Outbox;

/// <summary>An event staged in the outbox as an object (the handover's decisions hold their events so) is the same row as when staged by its type.</summary>
public sealed class OutboxPublishTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync() => _database = await SqliteHandoverServices.CreateAsync("publish");

    [Fact]
    public void Publish_OfAnEventHeldAsObject_StoresItsOwnTypeAndFields_AsThePublishOfItsType()
    {
        using var scope = _database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var moved = new ClientMoved(Guid.NewGuid(), "6811 AB", "6821 AB", "arnhem-centrum", "arnhem-noord", "medewerker", Now);
        object held = moved;

        var typed = db.Publish(moved, Now);
        var untyped = db.Publish(held, held.GetType(), Now);

        untyped.MessageType.ShouldBe(nameof(ClientMoved));
        untyped.Payload.ShouldBe(typed.Payload);
        EventTypes.Deserialize(untyped.MessageType, untyped.Payload).ShouldBe(moved);
        untyped.MessageId.ShouldNotBe(typed.MessageId);
        untyped.CreatedAt.ShouldBe(Now);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
