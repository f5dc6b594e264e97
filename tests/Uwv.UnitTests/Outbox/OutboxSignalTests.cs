using System.Runtime.ExceptionServices;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Outbox;

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Notify_WakesTheRelayOnce_HoweverOftenItIsCalledBeforeTheRelayWaits()
    {
        var signal = new OutboxSignal<ServiceDbContext>();

        signal.Notify();
        signal.Notify();
        signal.Notify();

        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue();
        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeFalse("one pending wake-up is enough");
    }

    [Fact]
    public async Task Notify_AfterTheRelayWoke_WakesItAgain()
    {
        var signal = new OutboxSignal<ServiceDbContext>();
        signal.Notify();
        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue();

        signal.Notify();

        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public void Notify_WhenAWakeUpIsPending_ThrowsNothingInternally()
    {
        // Every save notifies; a caught exception per save is a cost the handover paid under load.
        var signal = new OutboxSignal<ServiceDbContext>();
        var thread = Environment.CurrentManagedThreadId;
        var thrown = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is SemaphoreFullException && Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref thrown);
            }
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 10; i++)
            {
                signal.Notify();
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        thrown.ShouldBe(0);
    }
}
