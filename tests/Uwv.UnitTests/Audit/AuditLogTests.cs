using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.UnitTests.Audit;

/// <summary>
/// Group commit of audit records: a caller's record is recorded only when its batch was accepted; records made while
/// batches are being confirmed travel together; a batch that cannot be published fails every caller in it.
/// </summary>
public sealed class AuditLogTests
{
    private static PersonalDataAccessed Record(int n) =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddSeconds(n), $"user.{n}", "jurist", "arnhem-noord", Guid.NewGuid(),
            "uwv.klantbeeld.v1.KlantbeeldService", "GetKlantbeeld", "basis", null, "allowed");

    [Fact]
    public async Task Record_IsDone_OnlyWhenItsBatchIsAccepted()
    {
        var accept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var log = new AuditLog((_, _) => accept.Task);

        var recording = log.RecordAsync(Record(1), CancellationToken.None);
        try
        {
            await Task.Delay(50);
            recording.IsCompleted.ShouldBeFalse("the broker has not confirmed the batch yet");
        }
        finally
        {
            accept.TrySetResult();
        }
        await recording.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(AuditLog.MaxBatchesInFlight)]
    [InlineData(Uwv.Klantbeeld.Audit.AuditStore.OwnBatchesInFlight)]
    public async Task Records_MadeWhileBatchesAreBeingConfirmed_GoTogether_AndEachExactlyOnce(int slots)
    {
        using var confirms = new SemaphoreSlim(0);
        var published = new List<PersonalDataAccessedBatch>();
        await using var log = new AuditLog(async (batch, _) =>
        {
            lock (published)
            {
                published.Add(batch);
            }
            await confirms.WaitAsync();
        }, maxInFlight: slots);
        try
        {
            // Every in-flight slot holds a batch of one that waits for its confirm...
            var first = new List<Task>();
            for (var i = 0; i < slots; i++)
            {
                first.Add(log.RecordAsync(Record(i), CancellationToken.None));
                var expected = i + 1;
                await Eventually(() => Count(published) == expected);
            }
            // ...while 100 more reads make their records.
            var waiting = Enumerable.Range(100, 100).Select(i => log.RecordAsync(Record(i), CancellationToken.None)).ToList();
            await Task.Delay(50);
            Count(published).ShouldBe(slots, "no more batches than slots");

            confirms.Release(1000);
            await Task.WhenAll(first.Concat(waiting)).WaitAsync(TimeSpan.FromSeconds(10));

            lock (published)
            {
                published.Count.ShouldBeLessThan(slots + 100, "records that waited were grouped");
                published.Skip(slots).ShouldContain(b => b.Records.Count > 1);
                var ids = published.SelectMany(b => b.Records).Select(r => r.AuditId).ToList();
                ids.Count.ShouldBe(slots + 100);
                ids.Distinct().Count().ShouldBe(ids.Count);
            }
        }
        finally
        {
            confirms.Release(1000);
        }
    }

    [Fact]
    public async Task Record_WhenItsBatchCannotBePublished_Fails()
    {
        await using var log = new AuditLog((_, _) => Task.FromException(new InvalidOperationException("broker unreachable")));

        await Should.ThrowAsync<InvalidOperationException>(() => log.RecordAsync(Record(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Batch_NeverExceedsTheMaximumSize()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sizes = new List<int>();
        await using var log = new AuditLog(async (batch, _) =>
        {
            lock (sizes)
            {
                sizes.Add(batch.Records.Count);
            }
            await gate.Task;
        });

        var records = Enumerable.Range(0, AuditLog.MaxBatch * 6).Select(i => log.RecordAsync(Record(i), CancellationToken.None)).ToList();
        gate.SetResult();
        await Task.WhenAll(records).WaitAsync(TimeSpan.FromSeconds(10));

        lock (sizes)
        {
            sizes.Sum().ShouldBe(AuditLog.MaxBatch * 6);
            sizes.ShouldAllBe(n => n >= 1 && n <= AuditLog.MaxBatch);
        }
    }

    private static int Count(List<PersonalDataAccessedBatch> published)
    {
        lock (published)
        {
            return published.Count;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        condition().ShouldBeTrue();
    }
}
