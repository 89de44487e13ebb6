namespace Spotlight.ClientApi.Web;

/// <summary>The <c>Spotlight:RateLimits</c> section: per-caller token buckets for requests that change
/// something (reads are not limited). A caller is the token's subject, or the client's address when
/// anonymous; the ingest role has its own, much larger bucket.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Spotlight:RateLimits";

    /// <summary>Changes per second a signed-in caller may sustain, and how many may come at once.</summary>
    public int PerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;

    /// <summary>The same for anonymous callers (hub click-throughs, per address).</summary>
    public int AnonymousPerSecond { get; set; } = 20;

    public int AnonymousBurst { get; set; } = 40;

    /// <summary>The same for ingest service accounts (engagement batches, video registrations).</summary>
    public int IngestPerSecond { get; set; } = 2_000;

    public int IngestBurst { get; set; } = 4_000;
}
