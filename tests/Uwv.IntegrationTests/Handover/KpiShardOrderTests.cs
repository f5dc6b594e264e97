using System.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Handover.Consumers;
using Uwv.Handover.Data;
using Uwv.IntegrationTests.Bus;
using Uwv.ServiceDefaults.Calendar;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// Every KPI writer takes its shard before its transaction begins (decision 0032): a writer that waits for a shard then
/// holds no connection and no lock, so the holders of the shards never wait for it. Shown by leasing every shard of the
/// pool, delivering an event, and looking at the consumer's database context while it waits for a shard.
/// </summary>
public sealed class KpiShardOrderTests : IAsyncLifetime
{
    private const string Team = "arnhem-noord";
    private static readonly DateTimeOffset At = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteHandoverServices.CreateAsync("kpi-order", services => services
            .AddSingleton(CalendarExtensions.FromPlatformFile())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<KpiShardPool>()
            .AddScoped<ScopedKpiShard>()
            .AddScoped<KpiStore>()
            .AddScoped<KpiRecorder>()
            .AddScoped<DossierRegister>()
            .AddScoped<HerbeoordelingKpiConsumer>()
            .AddScoped<ReintegratieKpiConsumer>()
            .AddScoped<NormKpiConsumer>()
            .AddScoped<DossierOwnershipConsumer>()
            .AddScoped<DossierClosedConsumer>());
    }

    [Fact]
    public Task HerbeoordelingKpiConsumer_WaitingForItsShard_HoldsNoTransaction() =>
        WaitsOutsideItsTransaction<HerbeoordelingKpiConsumer, HerbeoordelingsverzoekOpened>(
            new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Team, "reden", At));

    [Fact]
    public Task ReintegratieKpiConsumer_WaitingForItsShard_HoldsNoTransaction() =>
        WaitsOutsideItsTransaction<ReintegratieKpiConsumer, ReintegratieOwnerChanged>(
            new(Guid.NewGuid(), Team, Wga: true, Owner: null, NeedsOwner: true, Version: 1, At));

    [Fact]
    public Task NormKpiConsumer_WaitingForItsShard_HoldsNoTransaction() =>
        WaitsOutsideItsTransaction<NormKpiConsumer, NormDeadlineSet>(
            new(Guid.NewGuid(), Guid.NewGuid(), "beslistermijn", "wettelijk", Guid.NewGuid(), DivisionCode.Uitkeren, Team,
                null, At.AddDays(56), At));

    [Fact]
    public Task DossierOwnershipConsumer_WaitingForItsShard_HoldsNoTransaction() =>
        WaitsOutsideItsTransaction<DossierOwnershipConsumer, DossierOpened>(
            new(Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Werkbedrijf, Team, "werkcoach-1", At));

    [Fact]
    public async Task DossierClosedConsumer_WaitingForItsShard_HoldsNoTransaction()
    {
        var opened = new DossierOpened(Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Werkbedrijf, Team, "werkcoach-1", At);
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DossierOwnershipConsumer>().Consume(ConsumeContextDouble<DossierOpened>.Of(opened));
        }

        await WaitsOutsideItsTransaction<DossierClosedConsumer, DossierStatusChanged>(
            new(opened.DossierId, opened.ClientId, opened.Division, "open", "closed", "afgerond", "werkcoach-1", 2, At.AddDays(1)),
            expectedInbox: 2);
    }

    private async Task WaitsOutsideItsTransaction<TConsumer, TMessage>(TMessage message, int expectedInbox = 1)
        where TConsumer : class, IConsumer<TMessage> where TMessage : class
    {
        var pool = _database.Services.GetRequiredService<KpiShardPool>();
        var leases = new List<KpiShardPool.Lease>();
        for (var i = 0; i < KpiStore.Shards; i++)
        {
            leases.Add(await pool.TakeAsync(default));
        }
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var consuming = scope.ServiceProvider.GetRequiredService<TConsumer>().Consume(ConsumeContextDouble<TMessage>.Of(message));

        var deadline = DateTime.UtcNow + Patience;
        while (pool.Waiting == 0 && !consuming.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        pool.Waiting.ShouldBe(1, "the consumer must ask for a shard while every shard is leased");
        db.Database.CurrentTransaction.ShouldBeNull("a writer waiting for a shard must not hold a transaction");
        db.Database.GetDbConnection().State.ShouldBe(ConnectionState.Closed);

        leases[0].Dispose();
        await consuming.WaitAsync(Patience);
        (await db.InboxMessages.CountAsync()).ShouldBe(expectedInbox, "the event is handled once a shard is free");
        leases.ForEach(l => l.Dispose());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
