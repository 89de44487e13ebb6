using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.EngagementLog.Streaming;

/// <summary>
/// Reads one partition of the log for a pulling agent. It starts after the partition's checkpoint and
/// moves the checkpoint only when Orleans reports slices delivered, so a silo that dies leaves the
/// checkpoint behind what it delivered: the silo that takes the partition over replays from there, and the
/// consumers skip what they had already applied (they remember offsets).
/// </summary>
public sealed class LogQueueReceiver(PostgresEngagementLog log, int partition) : IQueueAdapterReceiver
{
    public const string Consumer = "orleans";
    private const int MaxSlicesPerRead = 64;
    private long _lastRead;

    public async Task Initialize(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        _lastRead = await log.ReadCheckpointAsync(partition, Consumer, cancellation.Token);
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var slices = await log.ReadAsync(partition, _lastRead, Math.Min(Math.Max(maxCount, 1), MaxSlicesPerRead), CancellationToken.None);
        if (slices.Count == 0)
        {
            return [];
        }

        _lastRead = slices[^1].Offset;
        var stream = EngagementStreams.StreamOf(partition);
        return [.. slices.Select(s => (IBatchContainer)new LogBatchContainer(stream, s.Slice, new EventSequenceTokenV2(s.Offset)))];
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) =>
        messages.Count == 0
            ? Task.CompletedTask
            : log.AdvanceCheckpointAsync(partition, Consumer, messages.OfType<LogBatchContainer>().Max(m => m.Offset), CancellationToken.None);

    public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;
}
