using Spotlight.Domain;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public sealed class HeldVideoMinutesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void Unknown_UntilReset_ThenMatchesOnlyTheStorePositionsItHolds()
    {
        var held = new HeldVideoMinutes();
        Assert.False(held.IsKnown);
        Assert.False(held.Matches(0, 0));

        held.Reset(3, 7, Minutes(("v1", 10, 2)), Now);
        Assert.True(held.Matches(3, 7));
        Assert.False(held.Matches(3, 8));
        Assert.False(held.Matches(4, 7));

        held.Forget();
        Assert.False(held.Matches(3, 7));
    }

    [Fact]
    public void HeldDeliveries_AddUp_AndAreDueAfterTheInterval_OrAtTheLimit()
    {
        var held = new HeldVideoMinutes();
        held.Reset(0, 0, Minutes(), Now);
        Assert.True(held.IsDue(Now, Interval, 100), "nothing held and nothing added: only the written offset moves");
        Assert.False(held.IsDue(Now, Interval, 100, adding: 1));

        held.Held(Minutes(("v1", 10, 2), ("v2", 10, 1)), 1, Now);
        held.Held(Minutes(("v1", 10, 3)), 2, Now.AddSeconds(20));
        Assert.True(held.Matches(0, 2));
        Assert.Equal(5, held.Minutes[Key("v1", 10)].Views);
        Assert.Equal(Now, held.HeldSince);

        Assert.False(held.IsDue(Now.AddSeconds(29), Interval, 100));
        Assert.True(held.IsDue(Now.AddSeconds(30), Interval, 100));
        Assert.True(held.IsDue(Now, Interval, 3, adding: 1));
        Assert.True(held.IsDue(Now, TimeSpan.Zero, 100), "interval 0: every commit writes");
    }

    [Fact]
    public void WithDelivery_LeavesWhatIsHeldUntouched_UntilWritten()
    {
        var held = new HeldVideoMinutes();
        held.Reset(0, 4, Minutes(("v1", 10, 2)), Now);

        var write = held.WithDelivery(Minutes(("v1", 10, 5), ("v2", 11, 1)));
        Assert.Equal(7, write[Key("v1", 10)].Views);
        Assert.Equal(1, write[Key("v2", 11)].Views);
        Assert.Equal(2, held.Minutes[Key("v1", 10)].Views);
        Assert.True(held.Matches(0, 4));

        held.Written(5);
        Assert.Empty(held.Minutes);
        Assert.True(held.Matches(5, 5));
        Assert.Null(held.HeldSince);
    }

    [Fact]
    public void ExcludedEngagement_CountsOnlyExcludedMinutesInsideTheWindow()
    {
        var minute = EventMinutes.MinuteOf(Now);
        var batch = IngestBatch.Of("b", [
            ("v1", EngagementKind.View, 4, EventMinutes.StartOf(minute - 2)),
            ("v1", EngagementKind.Use, 1, EventMinutes.StartOf(minute - 1)),
            ("v1", EngagementKind.View, 9, EventMinutes.StartOf(minute + 5)),
            ("v2", EngagementKind.Like, 3, EventMinutes.StartOf(minute - 1)),
            ("v3", EngagementKind.View, 8, EventMinutes.StartOf(minute - 1)),
        ]);
        var slice = SliceReader.Read(SliceWriter.Write(batch, [0, 1, 2, 3, 4], ["t1", "t1", "t1", "t1", null]));
        var ranges = new MinuteRanges();
        ranges.Add(minute - 1, minute + 10);
        var window = new FollowerWindow(EventMinutes.StartOf(minute - 60), EventMinutes.StartOf(minute + 1));

        var excluded = new Dictionary<string, Counts>(StringComparer.Ordinal);
        ExcludedEngagement.Add(slice, window, new Dictionary<string, MinuteRanges> { ["v1"] = ranges, ["v3"] = ranges }, excluded);

        // v1's use in the range; not its view before the range nor the one after the window; v2 is not excluded;
        // v3 has no track.
        Assert.Equal(new Counts { Uses = 1 }, Assert.Single(excluded, e => e.Key == "t1").Value);
    }

    private static VideoMinute Key(string video, long minute) => new(video, "t1", minute);

    private static Dictionary<VideoMinute, Counts> Minutes(params (string Video, long Minute, long Views)[] minutes) =>
        minutes.ToDictionary(m => Key(m.Video, m.Minute), m => new Counts { Views = m.Views });
}
