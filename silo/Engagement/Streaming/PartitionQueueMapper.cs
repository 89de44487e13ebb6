using Orleans.Runtime;
using Orleans.Streams;
using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.Engagement.Streaming;

/// <summary>Queue n is partition n of the log and carries the stream "engagement/pn". Queues sit evenly
/// around the consistent ring, so Orleans' default balancer spreads the partitions over the silos.</summary>
public sealed class PartitionQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;

    public PartitionQueueMapper(int partitions)
    {
        // Each queue sits in the middle of its slot. With the queue of partition 0 at ring position 0, that
        // partition was sometimes not read after a restart.
        var slot = uint.MaxValue / (uint)partitions;
        _queues = [.. Enumerable.Range(0, partitions).Select(p => QueueId.GetQueueId(EngagementPartitions.Namespace, (uint)p, ((uint)p * slot) + (slot / 2)))];
    }

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _queues.Where(q => range.InRange(q.GetUniformHashCode()));

    public IEnumerable<QueueId> GetAllQueues() => _queues;

    public QueueId GetQueueForStream(StreamId streamId) => _queues[EngagementPartitions.Parse(streamId.GetKeyAsString())];

    public static int PartitionOf(QueueId queue) => (int)queue.GetNumericId();
}
