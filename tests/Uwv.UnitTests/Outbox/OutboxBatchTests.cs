using Uwv.ServiceDefaults.Outbox;

namespace Uwv.UnitTests.Outbox;

public sealed class OutboxBatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Row(long id) => new() { Id = id, MessageId = Guid.NewGuid(), MessageType = "t", Payload = "{}" };

    [Fact]
    public void Batch_WhenOnePublishFails_StampsTheConfirmedRows_AndKeepsTheFailedOneUnsentWithItsAttempt()
    {
        var rows = new[] { Row(1), Row(2), Row(3) };
        var failure = new InvalidOperationException("broker nack");
        var (sent, first) = OutboxBatch.Stamp(rows, [Task.CompletedTask, Task.FromException(failure), Task.CompletedTask], Now);

        sent.ShouldBe(2);
        first.ShouldBeSameAs(failure);
        rows[0].SentAt.ShouldBe(Now);
        rows[2].SentAt.ShouldBe(Now, "a row confirmed after a failed one is sent too: consumers absorb any redelivery");
        rows[1].SentAt.ShouldBeNull();
        rows[1].Attempts.ShouldBe(1);
        rows[1].LastError.ShouldBe(nameof(InvalidOperationException));
    }

    [Fact]
    public void Batch_WhenCancelled_LeavesTheRowUnsent_WithoutCountingAnAttempt()
    {
        var rows = new[] { Row(1), Row(2) };
        var (sent, first) = OutboxBatch.Stamp(rows, [Task.CompletedTask, Task.FromCanceled(new CancellationToken(true))], Now);

        sent.ShouldBe(1);
        first.ShouldBeOfType<OperationCanceledException>();
        rows[1].SentAt.ShouldBeNull();
        rows[1].Attempts.ShouldBe(0);
    }

    [Fact]
    public void Batch_WhenAllConfirmed_StampsEveryRow_AndReportsNoFailure()
    {
        var rows = new[] { Row(1), Row(2) };
        var (sent, first) = OutboxBatch.Stamp(rows, [Task.CompletedTask, Task.CompletedTask], Now);

        sent.ShouldBe(2);
        first.ShouldBeNull();
        rows.ShouldAllBe(r => r.SentAt == Now && r.Attempts == 0);
    }
}
