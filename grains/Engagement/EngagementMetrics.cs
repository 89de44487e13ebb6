using System.Diagnostics.Metrics;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// What to watch of the engagement pipeline (docs/operations.md "What to watch"): log lag per partition,
/// events and entries per delivery, store commit and log append latency, appends per group commit, and
/// notices that had to be retried. One instance per silo; the meter is the one the hosts export.
/// </summary>
public sealed class EngagementMetrics : IDisposable
{
    public const string MeterName = "Spotlight";

    // Exporters' default buckets (0, 5, 10, 25 … 10,000) suit milliseconds, not seconds or batch counts:
    // every latency would land in the first bucket.
    private static readonly InstrumentAdvice<double> LatencyBuckets = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private static readonly InstrumentAdvice<long> SizeBuckets = new()
    {
        HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1_000, 10_000, 100_000, 1_000_000],
    };

    private readonly Meter _meter = new(MeterName);
    private readonly Lock _gate = new();
    private long[] _lag = [];
    private long[] _heads = [];
    private long[] _applied = [];

    public EngagementMetrics()
    {
        DeliveryEvents = _meter.CreateHistogram<long>("spotlight.engagement.delivery.events", "{event}", "Events applied by one projector delivery (one store commit).", tags: null, advice: SizeBuckets);
        DeliveryEntries = _meter.CreateHistogram<long>("spotlight.engagement.delivery.entries", "{entry}", "Log entries applied by one projector delivery.", tags: null, advice: SizeBuckets);
        CommitSeconds = _meter.CreateHistogram<double>("spotlight.engagement.commit.duration", "s", "Time to commit one delivery to the engagement store.", tags: null, advice: LatencyBuckets);
        DeliverySeconds = _meter.CreateHistogram<double>("spotlight.engagement.delivery.duration", "s", "Time to apply one delivery: store commit and notices.", tags: null, advice: LatencyBuckets);
        AppendSeconds = _meter.CreateHistogram<double>("spotlight.engagement.append.duration", "s", "Time from a batch reaching the log until its commit.", tags: null, advice: LatencyBuckets);
        AppendGroup = _meter.CreateHistogram<long>("spotlight.engagement.append.group", "{batch}", "Batches committed together by one log append (group commit).", tags: null, advice: SizeBuckets);
        EventsApplied = _meter.CreateCounter<long>("spotlight.engagement.events.applied", "{event}", "Events applied to the engagement store.");
        AlertsFired = _meter.CreateCounter<long>("spotlight.engagement.alerts.fired", "{alert}", "Studios' trend alerts that fired (each rule window once).");
        NoticeRetries = _meter.CreateCounter<long>("spotlight.engagement.notice.retries", "{notice}", "Notices to grains that failed and were sent again.");
        _meter.CreateObservableGauge("spotlight.engagement.log.lag", ObserveLag, "{entry}", "Log entries appended but not yet applied, per partition.");
        _meter.CreateObservableGauge("spotlight.engagement.log.head", ObserveHeads, "{entry}", "Offset of each partition's newest log entry.");
        _meter.CreateObservableGauge("spotlight.engagement.log.applied", ObserveApplied, "{entry}", "Offset up to which each partition is applied.");
    }

    public Histogram<long> DeliveryEvents { get; }

    public Histogram<long> DeliveryEntries { get; }

    public Histogram<double> CommitSeconds { get; }

    public Histogram<double> DeliverySeconds { get; }

    public Histogram<double> AppendSeconds { get; }

    public Histogram<long> AppendGroup { get; }

    public Counter<long> EventsApplied { get; }

    public Counter<long> NoticeRetries { get; }

    public Counter<long> AlertsFired { get; }

    /// <summary>The latest log heads and applied positions (sampled by the maintenance service).</summary>
    public void RecordPositions(long[] heads, long[] applied)
    {
        lock (_gate)
        {
            (_heads, _applied) = (heads, applied);
            _lag = [.. heads.Select((head, p) => Math.Max(0, head - (p < applied.Length ? applied[p] : 0)))];
        }
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>A sharded silo's gauges per engagement database: whether it answered its last call, and the log
    /// entries of its partitions not yet applied.</summary>
    public void AddShards(IReadOnlyList<string> names, Func<int, bool> up, Func<int, IReadOnlyList<int>> partitionsOf)
    {
        _meter.CreateObservableGauge("spotlight.engagement.shard.up",
            () => names.Select((name, shard) => new Measurement<long>(up(shard) ? 1 : 0, new KeyValuePair<string, object?>("shard", name))),
            "{shard}", "1 while the engagement shard answers, 0 after a call to it failed (until one succeeds).");
        _meter.CreateObservableGauge("spotlight.engagement.shard.lag",
            () =>
            {
                long[] lag;
                lock (_gate)
                {
                    lag = _lag;
                }

                return names.Select((name, shard) => new Measurement<long>(
                    partitionsOf(shard).Where(p => p < lag.Length).Sum(p => lag[p]), new KeyValuePair<string, object?>("shard", name)));
            },
            "{entry}", "Log entries of the shard's partitions appended but not yet applied.");
    }

    private IEnumerable<Measurement<long>> ObserveLag() => PerPartition(() => _lag);

    private IEnumerable<Measurement<long>> ObserveHeads() => PerPartition(() => _heads);

    private IEnumerable<Measurement<long>> ObserveApplied() => PerPartition(() => _applied);

    private List<Measurement<long>> PerPartition(Func<long[]> values)
    {
        lock (_gate)
        {
            return [.. values().Select((value, p) => new Measurement<long>(value, new KeyValuePair<string, object?>("partition", p)))];
        }
    }
}
