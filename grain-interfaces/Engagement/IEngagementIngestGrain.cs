namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Where accepted batches enter the engagement stream (a stateless worker; use key 0). In postgres
/// mode it appends the batch to the durable log, which also decides whether the id was seen before; in
/// embedded mode it hands the batch to its <see cref="IEngagementBatchGrain"/>.</summary>
[Alias("Spotlight.Engagement.IEngagementIngestGrain")]
public interface IEngagementIngestGrain : IGrainWithIntegerKey
{
    /// <summary>True when this batch id was accepted before (and nothing was added now).</summary>
    [Alias("IngestAsync")]
    Task<bool> IngestAsync(string batchId, IReadOnlyList<EngagementRecord> records);
}
