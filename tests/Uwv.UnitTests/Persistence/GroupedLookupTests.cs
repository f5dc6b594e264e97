using Uwv.ServiceDefaults.Persistence;

namespace Uwv.UnitTests.Persistence;

/// <summary>
/// Grouped lookups (decision 0035): keys asked for while lookups run go together in the next one, each caller gets
/// the value of its own key, a key never joins a lookup that already started, and a failed lookup fails its callers.
/// </summary>
public sealed class GroupedLookupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Key_AskedWhileALookupRuns_DoesNotJoinIt_AndIsReadByALaterLookup()
    {
        using var answer = new SemaphoreSlim(0);
        var lookups = new List<IReadOnlyList<int>>();
        var value = "old";
        await using var lookup = new GroupedLookup<int, string>(async (keys, _) =>
        {
            lock (lookups)
            {
                lookups.Add(keys);
            }
            // The value is read when the lookup starts, as a query's snapshot is.
            var read = value;
            await answer.WaitAsync();
            return keys.ToDictionary(k => k, _ => read);
        }, maxInFlight: 1);
        try
        {
            var first = lookup.FindAsync(1, CancellationToken.None);
            await Eventually(() => Count(lookups) == 1);
            // A change committed after the first lookup started, then a read of the same key.
            value = "new";
            var second = lookup.FindAsync(1, CancellationToken.None);
            answer.Release(10);

            (await first.WaitAsync(Wait)).ShouldBe("old");
            (await second.WaitAsync(Wait)).ShouldBe("new", "a read asked after the change must not get the earlier lookup's answer");
            Count(lookups).ShouldBe(2);
        }
        finally
        {
            answer.Release(10);
        }
    }

    [Fact]
    public async Task Keys_AskedWhileLookupsRun_ShareOneLookup_AndEachCallerGetsItsOwnValue()
    {
        using var answer = new SemaphoreSlim(0);
        var lookups = new List<IReadOnlyList<int>>();
        await using var lookup = new GroupedLookup<int, string>(async (keys, _) =>
        {
            lock (lookups)
            {
                lookups.Add(keys);
            }
            await answer.WaitAsync();
            return keys.Where(k => k % 10 != 0).ToDictionary(k => k, k => $"value {k}");
        }, maxInFlight: 2);
        try
        {
            // Both slots hold a lookup of one key that waits for its answer...
            var busy = new List<Task<string?>>();
            for (var i = 1; i <= 2; i++)
            {
                busy.Add(lookup.FindAsync(-i, CancellationToken.None));
                var expected = i;
                await Eventually(() => Count(lookups) == expected);
            }
            // ...while 50 keys are asked for, each twice.
            var keys = Enumerable.Range(1, 50).Concat(Enumerable.Range(1, 50)).ToList();
            var finds = keys.Select(k => lookup.FindAsync(k, CancellationToken.None)).ToList();
            await Task.Delay(50);
            Count(lookups).ShouldBe(2, "no more lookups than may run at a time");

            answer.Release(100);
            var values = await Task.WhenAll(finds).WaitAsync(Wait);
            await Task.WhenAll(busy).WaitAsync(Wait);

            for (var i = 0; i < keys.Count; i++)
            {
                values[i].ShouldBe(keys[i] % 10 == 0 ? null : $"value {keys[i]}");
            }
            lock (lookups)
            {
                lookups.Count.ShouldBeLessThan(2 + 50, "keys that waited were grouped");
                lookups.Skip(2).ShouldAllBe(l => l.Distinct().Count() == l.Count, "a key is looked up once per lookup");
                lookups.Skip(2).SelectMany(l => l).Distinct().Count().ShouldBe(50);
            }
        }
        finally
        {
            answer.Release(100);
        }
    }

    [Fact]
    public async Task FailedLookup_FailsEveryCallerInIt_AndLaterKeysAreStillLookedUp()
    {
        var fail = true;
        await using var lookup = new GroupedLookup<int, string>((keys, _) => fail
            ? Task.FromException<IReadOnlyDictionary<int, string>>(new InvalidOperationException("database down"))
            : Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"value {k}")), maxInFlight: 1);

        (await Should.ThrowAsync<InvalidOperationException>(() => lookup.FindAsync(1, CancellationToken.None).WaitAsync(Wait)))
            .Message.ShouldBe("database down");

        fail = false;
        (await lookup.FindAsync(1, CancellationToken.None).WaitAsync(Wait)).ShouldBe("value 1");
    }

    [Fact]
    public async Task Lookup_ThatDoesNotAnswerInTime_FailsItsCallers_AndFreesItsSlot()
    {
        var calls = 0;
        await using var lookup = new GroupedLookup<int, string>(async (keys, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            return keys.ToDictionary(k => k, k => $"value {k}");
        }, maxInFlight: 1, timeout: TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<TimeoutException>(() => lookup.FindAsync(1, CancellationToken.None).WaitAsync(Wait));
        (await lookup.FindAsync(2, CancellationToken.None).WaitAsync(Wait)).ShouldBe("value 2");
    }

    [Fact]
    public void Lookup_WithoutASlot_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new GroupedLookup<int, string>((_, _) => Task.FromResult<IReadOnlyDictionary<int, string>>(new Dictionary<int, string>()), maxInFlight: 0));

    private static int Count(List<IReadOnlyList<int>> lookups)
    {
        lock (lookups)
        {
            return lookups.Count;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until);
            await Task.Delay(5);
        }
    }
}
