using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>
/// Optimistic concurrency for commands on a versioned record: the client sends the version it read; a stale one is
/// refused with ABORTED before anything is written (and the concurrency token catches a race after this check).
/// </summary>
public static class ExpectedVersion
{
    public static void Check(long expected, long actual, string what)
    {
        if (expected <= 0)
        {
            throw RpcErrors.InvalidArgument("expected_version", "is required (the version you read)");
        }
        if (expected != actual)
        {
            throw RpcErrors.Aborted($"the {what} was changed by someone else (version {actual}, you read {expected}); reload and try again");
        }
    }
}
