using Orleans.Streams;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Silo.Engagement.Streaming;

/// <summary>
/// Reads one partition of the log for a pulling agent, from the position its projector has applied (kept
/// in the engagement store, in the same commit as the counts): a silo that takes a partition over after
/// another died starts where the last commit left off. Nothing is acknowledged back: the projector's commit
/// is the checkpoint.
/// </summary>
public sealed class LogQueueReceiver(IEngagementLog log, IEngagementStore store, int partition, int maxPerRead) : IQueueAdapterReceiver
{
    private long _lastRead;

    public async Task Initialize(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        _lastRead = (await store.ReadPositionAsync(partition, cancellation.Token)).Applied;
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var entries = await log.ReadAsync(partition, _lastRead, Math.Clamp(maxCount, 1, maxPerRead), CancellationToken.None);
        if (entries.Count == 0)
        {
            return [];
        }

        _lastRead = entries[^1].Offset;
        var stream = EngagementPartitions.StreamOf(partition);
        var containers = new IBatchContainer[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            containers[i] = new LogBatchContainer(stream, entries[i]);
        }

        return containers;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => Task.CompletedTask;

    public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;
}
