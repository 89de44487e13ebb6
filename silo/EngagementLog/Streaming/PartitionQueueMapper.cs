using System.Globalization;
using Orleans.Runtime;
using Orleans.Streams;
using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.EngagementLog.Streaming;

/// <summary>Queue n is partition n of the log, and carries the stream "engagement/pn". Queues sit evenly
/// around the consistent ring, so Orleans' default balancer spreads the partitions over the silos.</summary>
public sealed class PartitionQueueMapper : IConsistentRingStreamQueueMapper
{
    private static readonly uint Slot = uint.MaxValue / EngagementStreams.Partitions;

    // Each queue sits in the middle of its slot. With the queue of partition 0 at ring position 0, that
    // partition was sometimes not read after a restart (seen in PostgresEngagementPipelineTests).
    private readonly QueueId[] _queues = [.. Enumerable.Range(0, EngagementStreams.Partitions)
        .Select(p => QueueId.GetQueueId(EngagementStreams.Namespace, (uint)p, ((uint)p * Slot) + (Slot / 2)))];

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _queues.Where(q => range.InRange(q.GetUniformHashCode()));

    public IEnumerable<QueueId> GetAllQueues() => _queues;

    public QueueId GetQueueForStream(StreamId streamId)
    {
        var key = streamId.GetKeyAsString();
        return key.Length > 1 && key[0] == 'p' && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            && partition < _queues.Length
            ? _queues[partition]
            : throw new ArgumentException($"Stream {streamId} is not an engagement partition stream.", nameof(streamId));
    }

    public static int PartitionOf(QueueId queue) => (int)queue.GetNumericId();
}
