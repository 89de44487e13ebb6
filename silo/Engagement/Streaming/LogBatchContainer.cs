using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using Spotlight.Grains.Engagement.Log;

namespace Spotlight.Silo.Engagement.Streaming;

/// <summary>One log entry travelling to its partition's projector, with its offset as sequence token.
/// Immutable, so a projector on the same silo receives it without a copy.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.LogBatchContainer")]
public sealed class LogBatchContainer(StreamId streamId, EngagementLogEntry entry) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public EngagementLogEntry Entry { get; } = entry;

    public StreamSequenceToken SequenceToken => new EventSequenceTokenV2(Entry.Offset);

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Entry is T item ? [Tuple.Create(item, SequenceToken)] : [];

    public bool ImportRequestContext() => false;
}
