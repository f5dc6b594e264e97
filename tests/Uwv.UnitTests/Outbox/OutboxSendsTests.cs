using System.Text.Json;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.UnitTests.Outbox;

/// <summary>
/// What the relay publishes for a batch (decision 0038): the writes' audit records of one batch in one message with
/// every record, the events each on their own in commit order, and a row's outcome that of the message carrying it.
/// </summary>
public sealed class OutboxSendsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static long _ids;

    [Fact]
    public void AuditRows_OfOneBatch_GoInOneMessage_WithEveryRecord_WhileEventsStayOnTheirOwn_InCommitOrder()
    {
        var rows = new[] { Event(), Audit(2), Event(), Audit(1), Audit(3), Event() };

        var (sends, sendOfRow) = OutboxSends.Plan(rows);

        sends.Count.ShouldBe(4);
        sends.Select(s => s.First).ShouldBe([rows[0], rows[1], rows[2], rows[5]]);
        var merged = sends[1].Audit.ShouldNotBeNull();
        sends[1].Rows.ShouldBe([rows[1], rows[3], rows[4]]);
        merged.Records.Select(r => r.AuditId).ShouldBe(new[] { rows[1], rows[3], rows[4] }.SelectMany(Records).Select(r => r.AuditId));
        sends[1].MessageId.ShouldNotBe(rows[1].MessageId, "the merged message is not the first row's message");
        sendOfRow.ShouldBe([0, 1, 2, 1, 1, 3]);
        sends.Where((_, i) => i != 1).ShouldAllBe(s => s.Audit == null && s.Rows.Count == 1 && s.MessageId == s.First.MessageId);
        sends[0].Message().ShouldBeOfType<ClientMoved>();
    }

    [Fact]
    public void OneAuditRow_IsPublishedAsItWasWritten()
    {
        var rows = new[] { Event(), Audit(2) };

        var (sends, _) = OutboxSends.Plan(rows);

        sends[1].MessageId.ShouldBe(rows[1].MessageId);
        sends[1].Rows.ShouldBe([rows[1]]);
        ((PersonalDataAccessedBatch)sends[1].Message()).Records.Select(r => r.AuditId).ShouldBe(Records(rows[1]).Select(r => r.AuditId));
    }

    [Theory]
    [InlineData("{\"records\": [ {\"auditId\": ")]
    [InlineData("null")]
    public void UnreadableAuditRow_IsPublishedOnItsOwn_AndFailsAlone(string payload)
    {
        var broken = Audit(1);
        broken.Payload = payload;
        var rows = new[] { Audit(1), broken, Audit(1) };

        var (sends, sendOfRow) = OutboxSends.Plan(rows);

        sends.Count.ShouldBe(2);
        sendOfRow.ShouldBe([0, 1, 0]);
        sends[0].Rows.ShouldBe([rows[0], rows[2]]);
        Should.Throw<Exception>(() => sends[1].Message());
    }

    [Fact]
    public void MergedMessage_ThatFails_LeavesEveryRowItCarriesUnsent_WithItsAttempt()
    {
        var rows = new[] { Audit(1), Event(), Audit(1) };
        var (sends, sendOfRow) = OutboxSends.Plan(rows);
        var outcomes = sends.ConvertAll(s => s.Rows.Count == 1 ? Task.CompletedTask : Task.FromException(new InvalidOperationException("nack")));

        var (sent, first) = OutboxBatch.Stamp(rows, Array.ConvertAll(sendOfRow, i => outcomes[i]), Now);

        sent.ShouldBe(1);
        first.ShouldBeOfType<InvalidOperationException>();
        rows[1].SentAt.ShouldBe(Now);
        rows[0].SentAt.ShouldBeNull();
        rows[2].SentAt.ShouldBeNull();
        rows[0].Attempts.ShouldBe(1);
        rows[2].Attempts.ShouldBe(1);
    }

    private static OutboxMessage Event() => Row(new ClientMoved(Guid.NewGuid(), "6811 AB", "6821 AB", "arnhem-noord", "arnhem-zuid", "medewerker", Now));

    private static OutboxMessage Audit(int records) => Row(new PersonalDataAccessedBatch([.. Enumerable.Range(0, records).Select(_ =>
        new PersonalDataAccessed(Guid.NewGuid(), Now, "medewerker", "casemanager", "arnhem-noord", Guid.NewGuid(),
            "uwv.handover.v1.HandoverService", "RequestHandover", "handover", null, "allowed"))]));

    private static IReadOnlyList<PersonalDataAccessed> Records(OutboxMessage row) =>
        ((PersonalDataAccessedBatch)EventTypes.Deserialize(row.MessageType, row.Payload)).Records;

    private static OutboxMessage Row(object message) => new()
    {
        Id = Interlocked.Increment(ref _ids),
        MessageId = Guid.NewGuid(),
        MessageType = EventTypes.NameOf(message.GetType()),
        Payload = JsonSerializer.Serialize(message, message.GetType(), EventTypes.Json),
        CreatedAt = Now,
    };
}
