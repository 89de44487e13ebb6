using Spotlight.Domain.Integrity;
using Xunit.Abstractions;

namespace Spotlight.Tests.Unit.Domain.Integrity;

/// <summary>
/// A seeded round of 240 videos over eight hours with planted cases — bot-like bursts (views jump a hundredfold
/// for ten minutes with almost no likes, comments or shares), views packed into ten minutes, creators with a
/// policy violation — among organic videos that must not be flagged: steady ones, steady ones with many views and
/// few interactions, slow risers (doubling every hour) and viral spikes with ordinary interaction. The flags must find every planted case and nothing else.
/// </summary>
public class EngagementFlaggerTests(ITestOutputHelper output)
{
    private const int Minutes = 480;
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASeededRound_PlantedCasesAreFlagged_OrganicOnesAreNot()
    {
        var random = new Random(20261204);
        var videos = new List<VideoActivity>();
        var planted = new Dictionary<string, FlagReason>(StringComparer.Ordinal);
        var organic = new List<string>();
        VideoActivity Add(string id, Func<int, double> viewsPerMinute, Func<int, double> interactionShare, bool violation = false)
        {
            var minutes = Enumerable.Range(0, Minutes).Select(m =>
            {
                var views = Poisson(random, viewsPerMinute(m));
                return new MinuteCounts(views, Binomial(random, views, interactionShare(m)));
            }).ToList();
            var video = new VideoActivity(id, "creator-" + id, Start, minutes, violation);
            videos.Add(video);
            return video;
        }

        double Usual() => 0.05 + (random.NextDouble() * 0.07);
        for (var i = 0; i < 200; i++)
        {
            var (rate, share) = (1 + (random.NextDouble() * 19), Usual());
            Add($"steady-{i}", _ => rate, _ => share);
            organic.Add($"steady-{i}");
        }

        for (var i = 0; i < 10; i++)
        {
            var (rate, share, from) = (0.5 + random.NextDouble(), Usual(), 60 + random.Next(360));
            Add($"riser-{i}", m => rate * Math.Pow(2, m / 60.0), _ => share);
            organic.Add($"riser-{i}");
            var (spikeRate, spikeShare, spikeAt) = (2 + (random.NextDouble() * 8), Usual(), from);
            Add($"viral-{i}", m => m >= spikeAt && m < spikeAt + 30 ? spikeRate * 50 : spikeRate, _ => spikeShare);
            organic.Add($"viral-{i}");
        }

        // Steady, many views, few interactions (background music): low interaction alone is no jump.
        for (var i = 0; i < 5; i++)
        {
            var rate = 60 + (random.NextDouble() * 40);
            Add($"quiet-{i}", _ => rate, _ => 0.005);
            organic.Add($"quiet-{i}");
        }

        for (var i = 0; i < 8; i++)
        {
            var (rate, share, at) = (2 + (random.NextDouble() * 8), Usual(), 120 + random.Next(300));
            Add($"bot-{i}", m => m >= at && m < at + 10 ? rate * 100 : rate, m => m >= at && m < at + 10 ? 0.002 : share);
            planted[$"bot-{i}"] = FlagReason.RateJump;
        }

        for (var i = 0; i < 4; i++)
        {
            var (share, at) = (Usual(), 30 + random.Next(400));
            Add($"packed-{i}", m => m >= at && m < at + 10 ? 200 : 0.05, _ => share);
            planted[$"packed-{i}"] = FlagReason.Concentrated;
        }

        for (var i = 0; i < 3; i++)
        {
            var (rate, share) = (1 + (random.NextDouble() * 19), Usual());
            Add($"violator-{i}", _ => rate, _ => share, violation: true);
            planted[$"violator-{i}"] = FlagReason.CreatorViolation;
        }

        var flags = EngagementFlagger.Flag(videos, new FlagThresholds());

        var flagged = flags.Select(f => f.VideoId).ToHashSet(StringComparer.Ordinal);
        var found = flagged.Count(planted.ContainsKey);
        var (precision, recall) = ((double)found / Math.Max(1, flagged.Count), (double)found / planted.Count);
        output.WriteLine($"seeded round: {videos.Count} videos, {planted.Count} planted, {flagged.Count} flagged; precision {precision:P0}, recall {recall:P0}");
        foreach (var flag in flags.Take(5))
        {
            output.WriteLine($"  {flag.VideoId} {flag.Reason} {flag.From:HH:mm}–{flag.To:HH:mm}: {flag.Evidence}");
        }

        Assert.DoesNotContain(organic, flagged.Contains);
        Assert.All(planted, p => Assert.Contains(flags, f => f.VideoId == p.Key && f.Reason == p.Value));
        Assert.Equal((1.0, 1.0), (precision, recall));
    }

    [Fact]
    public void ABurst_IsPlacedInItsWindow_WithTheFiguresThatSaySo()
    {
        var minutes = Enumerable.Range(0, 120).Select(m => m is >= 90 and < 100 ? new MinuteCounts(1_000, 1) : new MinuteCounts(5, 1)).ToList();
        var others = Enumerable.Range(0, 5).Select(i => new VideoActivity($"o{i}", "c", Start, [.. Enumerable.Repeat(new MinuteCounts(10, 1), 120)], false));

        var flags = EngagementFlagger.Flag([new VideoActivity("v", "c", Start, minutes, false), .. others], new FlagThresholds());

        // Ten minutes of 1,000 views are also 95 % of all its views: packed as well as a jump.
        Assert.Equal([("v", FlagReason.RateJump), ("v", FlagReason.Concentrated)], flags.Select(f => (f.VideoId, f.Reason)));
        var flag = flags[0];
        // The span covers the whole burst (a reviewer excludes it at once), and the figures are its busiest window.
        Assert.True(flag.From >= Start.AddMinutes(80) && flag.From <= Start.AddMinutes(90) && flag.To >= Start.AddMinutes(100) && flag.To <= Start.AddMinutes(110), $"{flag.From:HH:mm}–{flag.To:HH:mm}");
        Assert.StartsWith("10000 views in 10 min", flag.Evidence, StringComparison.Ordinal);
        Assert.Contains("against the round's median 0.1", flag.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new long[] { 10, 1 }, new long[] { 20, 2 }, new long[] { 30, 30 }, 0.1)]
    [InlineData(new long[] { 10, 1 }, new long[] { 10, 3 }, new long[] { 0, 0 }, 0.2)]
    public void TheMedian_IsOverVideosWithViews(long[] a, long[] b, long[] c, double median) =>
        Assert.Equal(median, EngagementFlagger.MedianInteractionRate([(a[0], a[1]), (b[0], b[1]), (c[0], c[1])]), 9);

    private static long Poisson(Random random, double mean)
    {
        // Normal approximation for large means; Knuth's method for small ones.
        if (mean > 30)
        {
            return Math.Max(0, (long)Math.Round(mean + (Math.Sqrt(mean) * Gaussian(random))));
        }

        var (limit, product, count) = (Math.Exp(-mean), random.NextDouble(), 0L);
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    private static long Binomial(Random random, long trials, double p) =>
        trials > 50 ? Math.Clamp((long)Math.Round((trials * p) + (Math.Sqrt(trials * p * (1 - p)) * Gaussian(random))), 0, trials)
        : Enumerable.Range(0, (int)trials).LongCount(_ => random.NextDouble() < p);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
