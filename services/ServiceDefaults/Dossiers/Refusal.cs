using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>A domain rule refusing a change: the rule's name and a plain explanation. Pure rules return it; the API answers FAILED_PRECONDITION.</summary>
public sealed record Refusal(string Rule, string Explanation)
{
    public global::Grpc.Core.RpcException ToRpc() => RpcErrors.FailedPrecondition(Rule, Explanation);
}

public static class RefusalExtensions
{
    /// <summary>Throws FAILED_PRECONDITION naming the rule when <paramref name="refusal"/> is set.</summary>
    public static void ThrowIfRefused(this Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw refusal.ToRpc();
        }
    }
}
