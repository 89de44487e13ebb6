namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Idempotency of one ingested batch (key: batch id) by grain state: the first call publishes the
/// batch on the engagement stream, later calls learn it was a duplicate. Embedded mode ingests through it;
/// in postgres mode the log's own batch-id claim does this (see <see cref="IEngagementIngestGrain"/>).</summary>
[Alias("Spotlight.Engagement.IEngagementBatchGrain")]
public interface IEngagementBatchGrain : IGrainWithStringKey
{
    /// <summary>True when this batch id was accepted before (and nothing was published now).</summary>
    [Alias("AcceptAsync")]
    Task<bool> AcceptAsync(IReadOnlyList<EngagementRecord> records);
}
