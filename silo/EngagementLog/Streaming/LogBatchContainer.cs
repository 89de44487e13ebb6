using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Silo.EngagementLog.Streaming;

/// <summary>One slice read from the log, travelling to its consumers with its offset as sequence token.</summary>
[GenerateSerializer, Alias("Spotlight.EngagementLog.LogBatchContainer")]
public sealed class LogBatchContainer(StreamId streamId, EngagementSlice slice, EventSequenceTokenV2 token) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public EngagementSlice Slice { get; } = slice;

    [Id(2)]
    public EventSequenceTokenV2 Token { get; } = token;

    public StreamSequenceToken SequenceToken => Token;

    public long Offset => Token.SequenceNumber;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Slice is T item ? [Tuple.Create(item, (StreamSequenceToken)Token)] : [];

    public bool ImportRequestContext() => false;
}
