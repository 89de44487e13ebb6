using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class EngagementDomainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ByVideo_SumsEachKindPerVideo()
    {
        var totals = EngagementAggregation.ByVideo(
        [
            new("v1", null, EngagementKind.View, 5, T0),
            new("v1", null, EngagementKind.View, 2, T0),
            new("v1", null, EngagementKind.Share, 1, T0),
            new("v2", null, EngagementKind.Like, 3, T0),
        ]);

        Assert.Equal(new EngagementCounters(7, 0, 0, 1), totals["v1"]);
        Assert.Equal(new EngagementCounters(0, 3, 0, 0), totals["v2"]);
    }

    [Fact]
    public void ByTrackMinute_GroupsByTrackAndMinuteOfEventTime_SkippingVideosWithoutTrack()
    {
        var totals = EngagementAggregation.ByTrackMinute(
        [
            new("v1", "t1", EngagementKind.View, 1, T0.AddSeconds(10)),
            new("v2", "t1", EngagementKind.View, 2, T0.AddSeconds(59)),
            new("v1", "t1", EngagementKind.Like, 1, T0.AddMinutes(1)),
            new("v3", null, EngagementKind.View, 100, T0),
        ]);

        var minutes = Assert.Single(totals).Value;
        Assert.Equal([MinuteBuckets.MinuteOf(T0), MinuteBuckets.MinuteOf(T0) + 1], minutes.Select(m => m.Minute));
        Assert.Equal(new EngagementCounters(3, 0, 0, 0), minutes[0].Counters);
        Assert.Equal(new EngagementCounters(0, 1, 0, 0), minutes[1].Counters);
    }

    [Fact]
    public void Uses_CountForTheTrack_NotForTheVideo()
    {
        EngagementRecord[] records = [new("v1", "t1", EngagementKind.Use, 1, T0), new("v1", "t1", EngagementKind.View, 2, T0)];

        Assert.Equal(new EngagementCounters(2, 0, 0, 0), EngagementAggregation.ByVideo(records)["v1"]);
        var minute = Assert.Single(EngagementAggregation.ByTrackMinute(records)["t1"]);
        Assert.Equal((new EngagementCounters(2, 0, 0, 0), 1L), (minute.Counters, minute.Uses));
    }

    [Fact]
    public void MinuteBuckets_SumOverAWindow_CountsOnlyMinutesInside()
    {
        var buckets = new MinuteBuckets([]);
        buckets.Add(MinuteBuckets.MinuteOf(T0.AddMinutes(-1)), new EngagementCounters(1, 0, 0, 0));
        buckets.Add(MinuteBuckets.MinuteOf(T0), new EngagementCounters(10, 0, 0, 0), uses: 1);
        buckets.Add(MinuteBuckets.MinuteOf(T0.AddMinutes(59)), new EngagementCounters(100, 0, 0, 0));
        buckets.Add(MinuteBuckets.MinuteOf(T0.AddHours(1)), new EngagementCounters(1000, 0, 0, 0));

        Assert.Equal((new EngagementCounters(110, 0, 0, 0), 1L), buckets.Sum(T0, T0.AddHours(1)));
        Assert.Equal((new EngagementCounters(1111, 0, 0, 0), 1L), buckets.Sum(null, null));
        Assert.Equal((new EngagementCounters(1000, 0, 0, 0), 0L), buckets.Sum(T0.AddHours(1), null));
    }

    [Fact]
    public void MinuteOf_FloorsBeforeTheEpochToo()
    {
        Assert.Equal(0, MinuteBuckets.MinuteOf(DateTimeOffset.UnixEpoch.AddSeconds(59)));
        Assert.Equal(-1, MinuteBuckets.MinuteOf(DateTimeOffset.UnixEpoch.AddSeconds(-1)));
    }

    [Fact]
    public void AppliedPositions_JudgeRangesAgainstWhatWasAppliedPerPartition()
    {
        var applied = new Dictionary<string, SlicePosition>();
        var first = new SliceRange("p1", new(1, 0), new(10, 0));

        Assert.Equal(RangeVerdict.Apply, AppliedPositions.Judge(applied, first));
        AppliedPositions.Advance(applied, first);
        Assert.Equal(new SlicePosition(10, 0), applied["p1"]);

        Assert.Equal(RangeVerdict.AlreadyApplied, AppliedPositions.Judge(applied, first));
        Assert.Equal(RangeVerdict.AlreadyApplied, AppliedPositions.Judge(applied, new("p1", new(4, 0), new(9, 5))));
        // A replay that groups differently: starts inside what was applied, ends after it.
        Assert.Equal(RangeVerdict.Overlaps, AppliedPositions.Judge(applied, new("p1", new(5, 0), new(12, 0))));
        Assert.Equal(RangeVerdict.Overlaps, AppliedPositions.Judge(applied, new("p1", new(10, 0), new(10, 1))));
        Assert.Equal(RangeVerdict.Apply, AppliedPositions.Judge(applied, new("p1", new(10, 1), new(12, 0))));
        Assert.Equal(RangeVerdict.Apply, AppliedPositions.Judge(applied, new("p2", new(1, 0), new(1, 0))));
        Assert.Throws<ArgumentException>(() => AppliedPositions.Judge(applied, new("p3", new(5, 0), new(4, 0))));
    }

    [Fact]
    public void PopularityWeights_Default_IsTheSpecFormula() =>
        Assert.Equal(1 + 3 + 4 + 8 + 20, PopularityWeights.Default.Points(new EngagementCounters(1, 1, 1, 1), uses: 1));

    [Theory]
    [InlineData("v1", "view", 1, null)]
    [InlineData("v1", "share", 10_000, null)]
    [InlineData("v1", "view", null, null)]
    [InlineData("bad id", "view", 1, "videoId")]
    [InlineData("v1", "dislike", 1, "kind")]
    [InlineData("v1", "View", 1, "kind")]
    [InlineData("v1", "view", 0, "count")]
    [InlineData("v1", "view", 10_001, "count")]
    public void CheckEvent_NamesTheFirstBadField(string videoId, string kind, int? count, string? field)
    {
        var problem = EngagementRules.CheckEvent(videoId, kind, count, at: null, now: T0);

        if (field is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(field + ":", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckEvent_FarFuture_IsRejected_NearFutureIsNot()
    {
        Assert.Null(EngagementRules.CheckEvent("v", "view", 1, T0.AddMinutes(4), T0));
        Assert.StartsWith("at:", EngagementRules.CheckEvent("v", "view", 1, T0.AddMinutes(6), T0), StringComparison.Ordinal);
    }
}
