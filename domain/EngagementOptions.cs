namespace Spotlight.Domain;

/// <summary>
/// The <c>Spotlight:Engagement</c> settings: how the engagement log is laid out and how long it remembers.
/// See docs/operations.md "Engagement settings". Plain settings shared by the grains that run the pipeline
/// and the API, which rejects events older than the dedupe window before they are sent on.
/// </summary>
public sealed class EngagementOptions
{
    public const string SectionName = "Spotlight:Engagement";

    /// <summary>Log partitions. An event belongs to the partition of its video, so each partition's projector
    /// is the only writer of its videos' counters. Fixed for a deployment: the database refuses another count.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>How long a log entry is kept after it was appended, once every consumer is past it.</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The time span of one log table partition (postgres mode): retention drops whole segments.</summary>
    public TimeSpan LogSegment { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a batch id is remembered (a repeat within it is a duplicate); events older than this
    /// are rejected one by one.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The time span of one batch-claim table partition (postgres mode): claims older than the
    /// dedupe window go a segment at a time. A lookup reads every segment, so keep them few.</summary>
    public TimeSpan ClaimSegment { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an appender waits to gather concurrent batches into one commit (postgres mode); 0:
    /// it commits whatever is waiting as soon as the previous commit is done.</summary>
    public TimeSpan AppendFlushInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Most log entries a projector takes in one delivery (one store commit).</summary>
    public int EntriesPerDelivery { get; set; } = 256;

    /// <summary>How often the pulling agents look for new log entries, and so how much a delivery gathers.
    /// Unset: 50 ms in embedded mode; 250 ms in postgres mode, where every delivery is a transaction whose
    /// rows cost the database more than the events in them (see docs/operations.md "Engagement settings").</summary>
    public TimeSpan? PollInterval { get; set; }

    public static readonly TimeSpan EmbeddedPollInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan PostgresPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often maintenance runs: pruning the log and batch ids, rolling up track buckets.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Entries per top list (videos, creators, hashtags) a partition keeps for one title-day.</summary>
    public int TopListCapacity { get; set; } = 1024;

    /// <summary>How long a partition may hold its videos' per-minute engagement before writing it (postgres mode):
    /// a video's minute is then one row per interval instead of one per delivery. Flags read what is written, so
    /// they may be this much behind; exclusions also read what is held (from the log), so they stay exact. 0:
    /// every delivery writes them. See docs/operations.md "Engagement settings".</summary>
    public TimeSpan VideoMinuteWriteInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most (video, minute) keys a partition holds before it writes them, whatever the interval.</summary>
    public int VideoMinuteWriteLimit { get; set; } = 100_000;

    /// <summary>Track minutes older than this roll up into hours (outside followed windows' edges).</summary>
    public TimeSpan MinuteRollupAge { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Track hours older than this roll up into days (outside followed windows' edges).</summary>
    public TimeSpan HourRollupAge { get; set; } = TimeSpan.FromHours(48);
}
