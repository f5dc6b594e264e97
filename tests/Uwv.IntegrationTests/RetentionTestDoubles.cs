using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Uwv.IntegrationTests;

/// <summary>A clock that stands still at <paramref name="now"/>: what a retention job deletes depends only on it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Counts the DELETE statements a context runs: retention jobs delete in bounded batches.</summary>
public sealed class DeleteCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.TrimStart().StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _count);
        }
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
