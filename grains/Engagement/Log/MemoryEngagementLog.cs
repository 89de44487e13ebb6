using Microsoft.Extensions.Options;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Log;

/// <summary>
/// The engagement log of embedded mode: in this process's memory, so nothing survives it, but with the
/// same contract as the PostgreSQL log (one lock makes an append, with its claim, atomic). Test clusters
/// whose silos share a process share one instance.
/// </summary>
public sealed class MemoryEngagementLog(IOptions<EngagementOptions> options, TimeProvider clock) : IEngagementLog
{
    private readonly Lock _gate = new();
    private readonly PartitionLog[] _partitions = [.. Enumerable.Range(0, options.Value.Partitions).Select(_ => new PartitionLog())];
    private readonly Dictionary<string, (IngestOutcome Outcome, DateTimeOffset At)> _claims = new(StringComparer.Ordinal);
    private readonly Queue<(string BatchId, DateTimeOffset At)> _claimOrder = new();

    public Task<IngestOutcome> AppendAsync(LogAppend append, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var window = options.Value.DedupeWindow;
            if (_claims.TryGetValue(append.BatchId, out var claim) && claim.At > now - window)
            {
                return Task.FromResult(claim.Outcome with { Duplicate = true });
            }

            _claims[append.BatchId] = (append.Outcome, now);
            _claimOrder.Enqueue((append.BatchId, now));
            foreach (var slice in append.Slices)
            {
                var log = _partitions[slice.Partition];
                log.Entries.Add(new EngagementLogEntry(slice.Partition, log.FirstOffset + log.Entries.Count, slice.Payload, now));
            }

            return Task.FromResult(append.Outcome);
        }
    }

    public Task<IReadOnlyList<EngagementLogEntry>> ReadAsync(int partition, long afterOffset, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var log = _partitions[partition];
            var start = (int)Math.Max(0, afterOffset + 1 - log.FirstOffset);
            var count = Math.Min(max, log.Entries.Count - start);
            return Task.FromResult<IReadOnlyList<EngagementLogEntry>>(count <= 0 ? [] : log.Entries.GetRange(start, count));
        }
    }

    public Task<long[]> ReadHeadsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_partitions.Select(p => p.FirstOffset + p.Entries.Count - 1).ToArray());
        }
    }

    public Task<LogPruning> PruneAsync(DateTimeOffset entriesBefore, IReadOnlyList<long> consumed, DateTimeOffset claimsBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            long entriesRemoved = 0, claimsRemoved = 0;
            for (var p = 0; p < _partitions.Length; p++)
            {
                var log = _partitions[p];
                var n = 0;
                while (n < log.Entries.Count && log.Entries[n].AppendedAt < entriesBefore && log.Entries[n].Offset <= consumed[p])
                {
                    n++;
                }

                log.Entries.RemoveRange(0, n);
                log.FirstOffset += n;
                entriesRemoved += n;
            }

            while (_claimOrder.TryPeek(out var oldest) && oldest.At < claimsBefore)
            {
                _claimOrder.Dequeue();
                // A repeat after the window claimed the id again; only the claim this queue entry made goes.
                if (_claims.TryGetValue(oldest.BatchId, out var claim) && claim.At == oldest.At)
                {
                    _claims.Remove(oldest.BatchId);
                    claimsRemoved++;
                }
            }

            return Task.FromResult(new LogPruning(entriesRemoved, claimsRemoved, _partitions.Sum(p => (long)p.Entries.Count), _claims.Count));
        }
    }

    private sealed class PartitionLog
    {
        public List<EngagementLogEntry> Entries { get; } = [];

        /// <summary>Offset of <c>Entries[0]</c>; offsets start at 1.</summary>
        public long FirstOffset { get; set; } = 1;
    }
}
