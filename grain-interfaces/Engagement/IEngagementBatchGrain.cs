namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Idempotency of one ingested batch (key: batch id) in embedded mode: the first call publishes
/// the batch, later calls learn it was a duplicate.</summary>
[Alias("Spotlight.Engagement.IEngagementBatchGrain")]
public interface IEngagementBatchGrain : IGrainWithStringKey
{
    /// <summary>True when this batch id was accepted before (and nothing was published now).</summary>
    [Alias("AcceptAsync")]
    Task<bool> AcceptAsync(IReadOnlyList<EngagementRecord> records);
}
