namespace Uwv.Handover.Data;

/// <summary>
/// The KPI shard of one scope (one call or one message): leased from the <see cref="KpiShardPool"/> on first use and
/// kept until <see cref="Release"/> or the end of the scope, so that every KPI write of the scope goes to the same
/// shard and a scope never holds two (two would let scopes that each hold one wait for each other).
/// </summary>
public sealed class ScopedKpiShard(KpiShardPool pool) : IDisposable
{
    private KpiShardPool.Lease? _lease;

    public async ValueTask<short> TakeAsync(CancellationToken ct)
    {
        _lease ??= await pool.TakeAsync(ct);
        return _lease.Shard;
    }

    /// <summary>Gives the shard back once its transaction has ended; a later write of the scope leases one again.</summary>
    public void Release()
    {
        _lease?.Dispose();
        _lease = null;
    }

    public void Dispose() => Release();
}
