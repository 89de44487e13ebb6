using System.Diagnostics;
using Npgsql;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// Whether each engagement database answered its last call. A batch that touches a shard known to be down is
/// refused whole before any of it is written, unless a quick probe finds the shard back; so while one database
/// is gone, batches for it get 503 and nothing of them is accepted elsewhere, and the others keep flowing.
/// </summary>
public sealed class EngagementShardHealth(IReadOnlyList<string> names, IReadOnlyList<NpgsqlDataSource> databases)
{
    /// <summary>How long a probe may take before the shard counts as still down.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How often a down shard is probed at most (between probes batches for it are refused at once).</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    private readonly long[] _downSince = new long[names.Count];
    private readonly long[] _lastProbe = new long[names.Count];
    private readonly SemaphoreSlim[] _probing = [.. names.Select(_ => new SemaphoreSlim(1, 1))];

    public IReadOnlyList<string> Names => names;

    public bool IsUp(int shard) => Volatile.Read(ref _downSince[shard]) == 0;

    public void Succeeded(int shard) => Volatile.Write(ref _downSince[shard], 0);

    public void Failed(int shard) => Interlocked.CompareExchange(ref _downSince[shard], Stopwatch.GetTimestamp(), 0);

    /// <summary>True when the shard is up, or a probe (at most one per <see cref="ProbeInterval"/>) finds it back.</summary>
    public async ValueTask<bool> ReachableAsync(int shard, CancellationToken cancellationToken)
    {
        if (IsUp(shard))
        {
            return true;
        }

        if (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastProbe[shard])) < ProbeInterval || !await _probing[shard].WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            Volatile.Write(ref _lastProbe[shard], Stopwatch.GetTimestamp());
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            await using var probe = databases[shard].CreateCommand("SELECT 1");
            await probe.ExecuteScalarAsync(timeout.Token);
            Succeeded(shard);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            _probing[shard].Release();
        }
    }
}
