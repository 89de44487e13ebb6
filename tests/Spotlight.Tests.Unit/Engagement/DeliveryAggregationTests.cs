using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public class DeliveryAggregationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly long Minute0 = EventMinutes.MinuteOf(T0);

    [Fact]
    public void ADelivery_SumsPerVideo_AndPerTrackAndMinute_UsesOnlyForTracks()
    {
        var slices = new[]
        {
            Slice([("v1", EngagementKind.View, 5, T0), ("v1", EngagementKind.View, 2, T0.AddSeconds(30)), ("v2", EngagementKind.Like, 1, T0)], ["t1", "t1", null]),
            Slice([("v1", EngagementKind.Share, 1, T0.AddMinutes(1)), ("v1", EngagementKind.Use, 1, T0)], ["t1", "t1"]),
        };

        var sum = DeliveryAggregation.Aggregate(slices, new Dictionary<string, VideoRoute>());

        Assert.Equal(5, sum.Events);
        Assert.Equal(new EngagementCounters(7, 0, 0, 1), sum.Videos["v1"].ToCounters());
        Assert.Equal(new EngagementCounters(0, 1, 0, 0), sum.Videos["v2"].ToCounters());
        Assert.Equal((7L, 1L), (sum.TrackMinutes[new("t1", Minute0)].Views, sum.TrackMinutes[new("t1", Minute0)].Uses));
        Assert.Equal(1, sum.TrackMinutes[new("t1", Minute0 + 1)].Shares);
        Assert.Equal(2, sum.TrackMinutes.Count);
        Assert.Empty(sum.TitleMinutes);
        Assert.Empty(sum.RoutedVideos);
    }

    [Fact]
    public void AVideoThatMatchesTitles_CountsForEach_AndAsLinkedForTheTitleItLinksTo()
    {
        var routes = new Dictionary<string, VideoRoute>
        {
            ["v1"] = new(new VideoEntry("v1", null, "creator-1", 10, ["dune", "fan"], "", [], AnchorLink: "title-a"), ["title-a", "title-b"], 1),
        };

        var sum = DeliveryAggregation.Aggregate([Slice([("v1", EngagementKind.View, 3, T0), ("v1", EngagementKind.Use, 1, T0)], [null, null])], routes);

        Assert.Equal(3, sum.TitleMinutes[new("title-a", Minute0)].Matching.Views);
        Assert.Equal(3, sum.TitleMinutes[new("title-a", Minute0)].Linked.Views);
        Assert.Equal(3, sum.TitleMinutes[new("title-b", Minute0)].Matching.Views);
        Assert.Equal(0, sum.TitleMinutes[new("title-b", Minute0)].Linked.Views);
        var keys = sum.TitleKeys[("title-b", TitleAnalyticsKeys.DayOf(Minute0))];
        Assert.Equal(3, keys[(TopListKind.Video, "v1")].Views);
        Assert.Equal(3, keys[(TopListKind.Creator, "creator-1")].Views);
        Assert.Equal(3, keys[(TopListKind.Hashtag, "dune")].Views);
        Assert.Equal(3, keys[(TopListKind.Hashtag, "fan")].Views);
        Assert.Equal(["v1"], sum.RoutedVideos);
    }

    [Fact]
    public void VideoMinutes_AreKeptOnlyForTracksThatNameASeason_WhileEveryTracksMinutesCount()
    {
        var events = new[] { ("v1", EngagementKind.View, 5, T0), ("v2", EngagementKind.View, 3, T0), ("v2", EngagementKind.Use, 1, T0) };
        var slice = SliceReader.Read(SliceWriter.Write(IngestBatch.Of("b", events), [0, 1, 2], ["season-track", "other-track", "other-track"], [true, false, false]));

        var sum = DeliveryAggregation.Aggregate([slice], new Dictionary<string, VideoRoute>());
        var rebuilt = new Dictionary<VideoMinute, Counts>();
        DeliveryAggregation.AddVideoMinutes(slice, rebuilt);

        Assert.Equal(5, sum.VideoMinutes[new("v1", "season-track", Minute0)].Views);
        Assert.Single(sum.VideoMinutes);
        Assert.Equal(sum.VideoMinutes, rebuilt);
        Assert.Equal((3L, 1L), (sum.TrackMinutes[new("other-track", Minute0)].Views, sum.TrackMinutes[new("other-track", Minute0)].Uses));
    }

    [Fact]
    public void AnAggregateKeptForTheNextDelivery_StartsEmpty()
    {
        var kept = new DeliveryAggregate();
        DeliveryAggregation.Aggregate([Slice([("v1", EngagementKind.View, 3, T0)], ["t1"])], new Dictionary<string, VideoRoute>(), kept);

        var next = DeliveryAggregation.Aggregate([Slice([("v2", EngagementKind.Like, 1, T0)], [null])], new Dictionary<string, VideoRoute>(), kept);

        Assert.Same(kept, next);
        Assert.Equal(["v2"], next.Videos.Keys);
        Assert.Empty(next.TrackMinutes);
        Assert.Equal(1, next.Events);
    }

    private static SliceReader Slice((string Video, EngagementKind Kind, int Count, DateTimeOffset At)[] events, string?[] tracks) =>
        SliceReader.Read(SliceWriter.Write(IngestBatch.Of("b", events), [.. Enumerable.Range(0, events.Length)], tracks));
}
