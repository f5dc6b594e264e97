using Grpc.Core;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.UnitTests.Audit;

/// <summary>Every way a call ends is recorded with its own outcome, not only allowed and denied.</summary>
public sealed class AuditOutcomesTests
{
    [Theory]
    [InlineData(StatusCode.OK, "allowed")]
    [InlineData(StatusCode.PermissionDenied, "denied")]
    [InlineData(StatusCode.NotFound, "not_found")]
    [InlineData(StatusCode.AlreadyExists, "already_exists")]
    [InlineData(StatusCode.InvalidArgument, "invalid")]
    [InlineData(StatusCode.FailedPrecondition, "failed_precondition")]
    [InlineData(StatusCode.ResourceExhausted, "rate_limited")]
    [InlineData(StatusCode.Aborted, "conflict")]
    [InlineData(StatusCode.Internal, "failed")]
    [InlineData(StatusCode.Unavailable, "failed")]
    public void Outcome_NamesHowTheCallEnded(StatusCode status, string outcome) =>
        AuditOutcomes.Of(status).ShouldBe(outcome);

    [Fact]
    public void Outcomes_AreDistinct_AndAllListed() =>
        Enum.GetValues<StatusCode>().Select(AuditOutcomes.Of).Distinct().ShouldBeSubsetOf(AuditOutcomes.All);

    [Fact]
    public void ConcurrencyConflict_ThrownByStorage_IsRecordedAsTheConflictTheCallerGets()
    {
        AuditOutcomes.Of(new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("changed")).ShouldBe("conflict");
        AuditOutcomes.Of(new InvalidOperationException("bug")).ShouldBe("failed");
        AuditOutcomes.Of(new RpcException(new Status(StatusCode.NotFound, "x"))).ShouldBe("not_found");
    }
}
