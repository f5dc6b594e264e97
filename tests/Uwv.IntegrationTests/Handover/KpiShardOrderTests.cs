using System.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Handover.Consumers;
using Uwv.Handover.Data;
using Uwv.Handover.Divisions;
using Uwv.Handover.Domain;
using Uwv.IntegrationTests.Bus;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// Every KPI writer takes its shard before its transaction begins (decision 0032): a writer that waits for a shard then
/// holds no connection and no lock, so the holders of the shards never wait for it. Shown by leasing every shard of the
/// pool, delivering an event (or learning a dossier, or saving a handover decision), and looking at the writer's
/// database context while it waits for a shard.
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
            .AddMetrics()
            .AddSingleton<KpiShardPool>()
            .AddScoped<ScopedKpiShard>()
            .AddScoped<KpiStore>()
            .AddScoped<KpiRecorder>()
            .AddScoped<DossierRegister>()
            .AddScoped<HerbeoordelingKpiConsumer>()
            .AddScoped<ReintegratieKpiConsumer>()
            .AddScoped<NormKpiConsumer>()
            .AddScoped<DossierOwnershipConsumer>()
            .AddScoped<DossierClosedConsumer>()
            .AddSingleton<IDivisionDossiers>(new OpenDossiers())
            .AddScoped<DossierLearner>()
            .AddSingleton<OutboxSignal<HandoverDbContext>>()
            .AddScoped<HandoverStore>());
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

    [Fact]
    public async Task DossierLearner_WaitingForItsShard_HoldsNoTransaction()
    {
        var dossierId = Guid.NewGuid();

        await WaitsOutsideItsTransaction(
            services => services.GetRequiredService<DossierLearner>().LearnAsync(dossierId, dossierId.ToString(), DivisionCode.Smz, default),
            db => db.Dossiers.AnyAsync(d => d.DossierId == dossierId));
    }

    [Fact]
    public async Task HandoverStore_WaitingForItsShard_HoldsNoTransaction()
    {
        var (dossierId, clientId) = (Guid.NewGuid(), Guid.NewGuid());
        var owner = OwnershipLedger.Owner(OwnershipLedger.Open([], dossierId, clientId, DivisionCode.Smz, Team, At), dossierId);
        var input = new RequestInput(Guid.NewGuid(), clientId, dossierId, DivisionCode.Smz, DivisionCode.Werkbedrijf, "reden", null,
            "verzekeringsarts-1", owner, OpenHandoverExists: false, ClientHasSignalen: false);
        var decision = HandoverDecider.Request(input, new HandoverOptions { Office = CalendarExtensions.FromPlatformFile() }, At);

        await WaitsOutsideItsTransaction(
            services => services.GetRequiredService<HandoverStore>().SaveAsync(null, null, decision, null, "request", At, default, "verzekeringsarts-1"),
            db => db.Handovers.AnyAsync(h => h.HandoverId == input.HandoverId));
    }

    private Task WaitsOutsideItsTransaction<TConsumer, TMessage>(TMessage message, int expectedInbox = 1)
        where TConsumer : class, IConsumer<TMessage> where TMessage : class =>
        WaitsOutsideItsTransaction(
            services => services.GetRequiredService<TConsumer>().Consume(ConsumeContextDouble<TMessage>.Of(message)),
            async db => await db.InboxMessages.CountAsync() == expectedInbox);

    /// <summary>Runs <paramref name="write"/> while every shard is leased; <paramref name="done"/> tells that it ran once one was free.</summary>
    private async Task WaitsOutsideItsTransaction(Func<IServiceProvider, Task> write, Func<HandoverDbContext, Task<bool>> done)
    {
        var pool = _database.Services.GetRequiredService<KpiShardPool>();
        var leases = new List<KpiShardPool.Lease>();
        for (var i = 0; i < KpiStore.Shards; i++)
        {
            leases.Add(await pool.TakeAsync(default));
        }
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var writing = write(scope.ServiceProvider);

        var deadline = DateTime.UtcNow + Patience;
        while (pool.Waiting == 0 && !writing.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        pool.Waiting.ShouldBe(1, "the writer must ask for a shard while every shard is leased");
        db.Database.CurrentTransaction.ShouldBeNull("a writer waiting for a shard must not hold a transaction");
        db.Database.GetDbConnection().State.ShouldBe(ConnectionState.Closed);

        leases[0].Dispose();
        await writing.WaitAsync(Patience);
        (await done(db)).ShouldBeTrue("the write is done once a shard is free");
        leases.ForEach(l => l.Dispose());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Every division knows every dossier it is asked for, open, in SMZ.</summary>
    private sealed class OpenDossiers : IDivisionDossiers
    {
        public Task<DivisionDossier?> FindAsync(DivisionCode division, Guid dossierId, CancellationToken ct) =>
            Task.FromResult<DivisionDossier?>(new DivisionDossier(dossierId, Guid.NewGuid(), division, Team, "verzekeringsarts-1", "open", At));
    }
}
