namespace Uwv.ServiceDefaults.Outbox;

/// <summary>The relay's bookkeeping after a batch was published with every row in flight at once.</summary>
public static class OutboxBatch
{
    /// <summary>
    /// Stamps each row whose publish was confirmed as sent; a row whose publish failed stays unsent with the attempt
    /// counted (a cancelled one is not an attempt). Returns how many were sent and the first failure, to rethrow.
    /// </summary>
    public static (int Sent, Exception? FirstFailure) Stamp(IReadOnlyList<OutboxMessage> rows, IReadOnlyList<Task> publishes, DateTimeOffset now)
    {
        var sent = 0;
        Exception? first = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (publishes[i].IsCompletedSuccessfully)
            {
                rows[i].SentAt = now;
                sent++;
                continue;
            }
            var error = publishes[i].Exception?.GetBaseException() ?? new OperationCanceledException();
            first ??= error;
            if (error is not OperationCanceledException)
            {
                rows[i].Attempts++;
                rows[i].LastError = error.GetType().Name;
            }
        }
        return (sent, first);
    }
}
