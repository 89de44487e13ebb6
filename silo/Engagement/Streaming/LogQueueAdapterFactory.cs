using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Domain;

namespace Spotlight.Silo.Engagement.Streaming;

/// <summary>
/// The Orleans persistent-stream provider over the engagement log, the same in both modes (the log behind
/// it is in memory or in PostgreSQL): each partition is a queue on the consistent ring, read by a pulling
/// agent and delivered to the partition's projector. Nothing is published through it; batches enter the log
/// through the ingest grain.
/// </summary>
public sealed class LogQueueAdapterFactory(string name, IEngagementLog log, IEngagementStore store, EngagementOptions options, ILoggerFactory loggerFactory)
    : IQueueAdapterFactory, IQueueAdapter
{
    private readonly PartitionQueueMapper _mapper = new(options.Partitions);
    private readonly SimpleQueueAdapterCache _cache = new(new SimpleQueueCacheOptions { CacheSize = 4 * options.EntriesPerDelivery }, name, loggerFactory);

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadOnly;

    public static LogQueueAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IEngagementLog>(),
        services.GetRequiredService<IEngagementStore>(),
        services.GetRequiredService<IOptions<EngagementOptions>>().Value,
        services.GetRequiredService<ILoggerFactory>());

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new LogQueueReceiver(log, store, PartitionQueueMapper.PartitionOf(queueId), options.EntriesPerDelivery);

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        throw new NotSupportedException("Engagement enters the log through IEngagementIngestGrain, not by publishing to its streams.");
}
