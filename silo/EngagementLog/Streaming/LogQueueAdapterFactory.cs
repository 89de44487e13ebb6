using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Silo.EngagementLog.Streaming;

/// <summary>The Orleans persistent-stream provider over the PostgreSQL engagement log: publishing a slice
/// appends it (durably, once per batch id); pulling agents read partitions from their checkpoints.</summary>
public sealed class LogQueueAdapterFactory(string name, PostgresEngagementLog log, ILoggerFactory loggerFactory) : IQueueAdapterFactory, IQueueAdapter
{
    private readonly PartitionQueueMapper _mapper = new();
    private readonly SimpleQueueAdapterCache _cache = new(new SimpleQueueCacheOptions(), name, loggerFactory);

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public static LogQueueAdapterFactory Create(IServiceProvider services, string name) =>
        new(name, services.GetRequiredService<PostgresEngagementLog>(), services.GetRequiredService<ILoggerFactory>());

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new LogQueueReceiver(log, PartitionQueueMapper.PartitionOf(queueId));

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        foreach (var item in events)
        {
            var slice = item as EngagementSlice
                ?? throw new ArgumentException($"The engagement log carries engagement slices, not {typeof(T).Name}.", nameof(events));
            await log.AppendAsync(slice, CancellationToken.None);
        }
    }
}
