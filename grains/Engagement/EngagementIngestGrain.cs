using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// Accepts batches on whichever silo the call lands. With the durable log the append itself is the
/// idempotency check (one transaction claims the batch id and appends), so a batch costs no grain
/// activation and no grain state; reentrant, because it only waits on the database.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class EngagementIngestGrain(IServiceProvider services) : Grain, IEngagementIngestGrain
{
    private readonly IEngagementLogAppender? _log = services.GetService<IEngagementLogAppender>();

    public async Task<bool> IngestAsync(string batchId, IReadOnlyList<EngagementRecord> records) => _log is null
        ? await GrainFactory.GetGrain<IEngagementBatchGrain>(batchId).AcceptAsync(records)
        : await _log.AppendAsync(new EngagementSlice(batchId, records), CancellationToken.None);
}
