using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.UnitTests.Audit;

/// <summary>
/// A batch the broker does not confirm in time fails its callers as a failure to record (the interceptor then answers
/// UNAVAILABLE), not as a cancellation of their call (which the interceptor passes on, and which became INTERNAL).
/// </summary>
public sealed class AuditLogTimeoutTests
{
    [Fact]
    public async Task Record_WhoseBatchIsNotConfirmedInTime_FailsWithTimeout_NotAsCancelled()
    {
        await using var log = new AuditLog((_, ct) => Task.Delay(Timeout.Infinite, ct), TimeSpan.FromMilliseconds(50));

        var ex = await Should.ThrowAsync<Exception>(() => log.RecordAsync(Record(), CancellationToken.None));

        ex.ShouldBeOfType<TimeoutException>();
    }

    private static PersonalDataAccessed Record() =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "jurist.arnhem-noord", "jurist", "arnhem-noord", Guid.NewGuid(),
            "uwv.klantbeeld.v1.KlantbeeldService", "GetKlantbeeld", "basis", null, "allowed");
}
