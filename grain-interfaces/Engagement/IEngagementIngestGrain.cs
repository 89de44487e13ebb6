namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>The one door into the engagement log (a stateless worker; key 0, or another of
/// <see cref="EngagementIngestKeys"/> for a copy): it rejects events of unknown videos, splits the batch by
/// partition and appends it whole, claiming its batch id in the same commit. HTTP ingestion and a video's own
/// "use" event both come through here.</summary>
[Alias("Spotlight.Engagement.IEngagementIngestGrain")]
public interface IEngagementIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Returns once the batch is durable (postgres mode) or in the log (embedded mode).</summary>
    [Alias("IngestAsync")]
    Task<IngestOutcome> IngestAsync(IngestBatch batch);

    /// <summary>Does nothing: a silo calls each key itself so that its own activation stays in its address
    /// cache (see <c>IngestAddressKeeper</c>).</summary>
    [Alias("KeepAddressedAsync")]
    Task KeepAddressedAsync();
}
