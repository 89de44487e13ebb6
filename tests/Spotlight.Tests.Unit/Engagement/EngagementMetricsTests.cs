using System.Diagnostics.Metrics;
using Spotlight.Grains.Engagement;

namespace Spotlight.Tests.Unit.Engagement;

public class EngagementMetricsTests
{
    /// <summary>Latencies are recorded in seconds: with the exporters' default buckets (0, 5, 10 … 10,000)
    /// every append and commit would land in the first bucket and no percentile could be read.</summary>
    [Fact]
    public void LatencyHistograms_HaveBucketsOfMillisecondsToSeconds_SizeHistogramsPowersOfTwo()
    {
        using var metrics = new EngagementMetrics();

        foreach (var latency in new[] { metrics.AppendSeconds, metrics.CommitSeconds, metrics.DeliverySeconds })
        {
            var buckets = latency.Advice?.HistogramBucketBoundaries;
            Assert.NotNull(buckets);
            Assert.Contains(0.005, buckets);
            Assert.Contains(0.1, buckets);
            Assert.True(buckets[0] <= 0.001 && buckets[^1] >= 5, string.Join(", ", buckets));
        }

        foreach (var size in new[] { metrics.AppendGroup, metrics.DeliveryEntries, metrics.DeliveryEvents })
        {
            Assert.Equal([1L, 2, 4, 8, 16], size.Advice?.HistogramBucketBoundaries?.Take(5));
        }
    }

    /// <summary>A sharded silo shows each shard's health and the lag of its partitions, by shard name.</summary>
    [Fact]
    public void ShardGauges_SayWhetherEachShardAnswers_AndSumTheLagOfItsPartitions()
    {
        using var metrics = new EngagementMetrics();
        var up = new[] { true, false };
        metrics.AddShards(["eu1", "eu2"], shard => up[shard], shard => shard == 0 ? [0, 2] : [1, 3]);
        metrics.RecordPositions([10, 20, 30, 40], [10, 15, 25, 10]);

        var seen = new Dictionary<(string Instrument, string Shard), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngagementMetrics.MeterName && instrument.Name.StartsWith("spotlight.engagement.shard.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen[(instrument.Name, (string)tags.ToArray().Single(t => t.Key == "shard").Value!)] = value);
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(1, seen[("spotlight.engagement.shard.up", "eu1")]);
        Assert.Equal(0, seen[("spotlight.engagement.shard.up", "eu2")]);
        Assert.Equal(5, seen[("spotlight.engagement.shard.lag", "eu1")]); // 0 + 5
        Assert.Equal(35, seen[("spotlight.engagement.shard.lag", "eu2")]); // 5 + 30
    }
}
