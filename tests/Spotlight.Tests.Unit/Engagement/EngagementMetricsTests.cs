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
}
