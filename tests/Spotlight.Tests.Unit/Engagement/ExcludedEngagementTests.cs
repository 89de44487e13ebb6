using Spotlight.Domain;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public class ExcludedEngagementTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly long Minute0 = EventMinutes.MinuteOf(T0);

    [Fact]
    public void OnlyExcludedVideosInsideTheirRangesAndTheWindow_OfTracksThatNameASeason_AreTakenOff()
    {
        var events = new[]
        {
            ("v1", EngagementKind.View, 5, T0),                 // excluded
            ("v1", EngagementKind.Like, 2, T0.AddMinutes(2)),   // after its range
            ("v2", EngagementKind.View, 7, T0),                 // not excluded
            ("v3", EngagementKind.View, 11, T0),                // excluded, but its track names no season: it keeps no minutes
            ("v1", EngagementKind.View, 13, T0.AddHours(-2)),   // in its range, before the window
        };
        var slice = SliceReader.Read(SliceWriter.Write(IngestBatch.Of("b", events), [0, 1, 2, 3, 4], ["t1", "t1", "t1", "t3", "t1"], [true, true, true, false, true]));
        var range = new MinuteRanges();
        range.Add(Minute0 - 180, Minute0 + 1);
        var excluded = new Dictionary<string, MinuteRanges> { ["v1"] = range, ["v3"] = range };
        var into = new Dictionary<string, Counts>();

        ExcludedEngagement.Add(slice, new FollowerWindow(T0.AddHours(-1), T0.AddHours(1)), excluded, into);

        Assert.Equal(["t1"], into.Keys);
        Assert.Equal((5L, 0L), (into["t1"].Views, into["t1"].Likes));
    }
}
