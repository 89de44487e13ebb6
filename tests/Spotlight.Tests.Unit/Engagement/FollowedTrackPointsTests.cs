using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public class FollowedTrackPointsTests
{
    private static TrackPointsNotice Notice(long first, long last, params (string Track, long Points)[] points) =>
        new(new DeliveryRange(0, first, last, null), points.ToDictionary(p => p.Track, p => p.Points));

    private static Dictionary<string, long> Drain(FollowedTrackPoints told)
    {
        var ranked = new Dictionary<string, long>();
        told.Drain((track, points) => ranked[track] = ranked.GetValueOrDefault(track) + points);
        return ranked;
    }

    [Fact]
    public void NoticesThatContinueTheSnapshot_AreSummed_AndHandedOverOnce()
    {
        var told = new FollowedTrackPoints();
        told.StartAt([10]);

        Assert.False(told.Receive(Notice(11, 12, ("t1", 5), ("t2", 1))));
        Assert.False(told.Receive(Notice(13, 15, ("t1", 3))));
        Assert.False(told.Receive(Notice(11, 12, ("t1", 5)))); // a repeat: already held

        Assert.Equal(new Dictionary<string, long> { ["t1"] = 8, ["t2"] = 1 }, Drain(told));
        Assert.Empty(Drain(told));
    }

    [Fact]
    public void ANoticeAfterAGap_AsksForAReload_AndAReloadDropsWhatWasPending()
    {
        var told = new FollowedTrackPoints();
        told.StartAt([10]);
        Assert.False(told.Receive(Notice(11, 12, ("t1", 5))));

        Assert.True(told.Receive(Notice(14, 15, ("t1", 3))));
        told.ResetTo([15]);

        Assert.Empty(Drain(told));
        Assert.False(told.Receive(Notice(16, 16, ("t1", 1))));
        Assert.Equal(new Dictionary<string, long> { ["t1"] = 1 }, Drain(told));
    }

    [Fact]
    public void BeforeAnySnapshot_NoticesAreIgnored_AndTheFirstSnapshotWins()
    {
        var told = new FollowedTrackPoints();
        Assert.False(told.Receive(Notice(1, 2, ("t1", 5))));

        told.StartAt([10]);
        told.StartAt([20]); // a later follow of more tracks is in step with commits: the first positions stay

        Assert.False(told.Receive(Notice(11, 11, ("t1", 2))));
        Assert.Equal(new Dictionary<string, long> { ["t1"] = 2 }, Drain(told));
    }
}
