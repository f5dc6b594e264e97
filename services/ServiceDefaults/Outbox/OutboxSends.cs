using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>
/// One message the relay publishes and the outbox rows it carries: an event row's own message (read from the row when
/// it is published, so that an unreadable row fails alone), or the audit records of one or more rows, read once.
/// </summary>
public sealed record OutboxSend(IReadOnlyList<OutboxMessage> Rows, PersonalDataAccessedBatch? Audit, Guid MessageId)
{
    public OutboxMessage First => Rows[0];

    public object Message() => Audit ?? EventTypes.Deserialize(First.MessageType, First.Payload);
}

/// <summary>
/// What the relay publishes for a batch of rows: each event on its own, in commit order, but the audit records of the
/// writes (one <see cref="PersonalDataAccessedBatch"/> row per write, decision 0018) together in one message, placed
/// where the first of them was (decision 0038). The store keeps each record once by its id, so a merged message sent
/// again after a crash stores nothing twice, whichever rows it then carries.
/// </summary>
public static class OutboxSends
{
    private static readonly string AuditType = EventTypes.NameOf(typeof(PersonalDataAccessedBatch));

    /// <summary>The messages to publish, and for each row the index of the message that carries it.</summary>
    public static (List<OutboxSend> Sends, int[] SendOfRow) Plan(IReadOnlyList<OutboxMessage> rows)
    {
        var sends = new List<OutboxSend>(rows.Count);
        var sendOfRow = new int[rows.Count];
        var auditRows = new List<OutboxMessage>();
        var auditRecords = new List<PersonalDataAccessed>();
        var auditSend = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.MessageType != AuditType || Records(row) is not { } records)
            {
                sendOfRow[i] = sends.Count;
                sends.Add(new OutboxSend([row], null, row.MessageId));
                continue;
            }
            if (auditSend < 0)
            {
                auditSend = sends.Count;
                sends.Add(new OutboxSend([row], new PersonalDataAccessedBatch(records), row.MessageId));
            }
            sendOfRow[i] = auditSend;
            auditRows.Add(row);
            auditRecords.AddRange(records);
        }
        if (auditRows.Count > 1)
        {
            // A message that did not exist before gets an id of its own: it is not any one row's message.
            sends[auditSend] = new OutboxSend(auditRows, new PersonalDataAccessedBatch(auditRecords), Guid.NewGuid());
        }
        return (sends, sendOfRow);
    }

    private static IReadOnlyList<PersonalDataAccessed>? Records(OutboxMessage row)
    {
        try
        {
            return ((PersonalDataAccessedBatch)EventTypes.Deserialize(row.MessageType, row.Payload)).Records;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            // Unreadable: published on its own, where it fails alone and keeps its attempt count.
            return null;
        }
    }
}
