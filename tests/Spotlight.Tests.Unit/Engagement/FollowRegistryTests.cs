using Spotlight.Grains.Engagement.Projection;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Engagement;

public class FollowRegistryTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static long Minute(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    [Fact]
    public void PointsGoToTheFollowersOfATrack_OnlyForMinutesInsideTheirWindow()
    {
        var registry = new FollowRegistry();
        var round = new FollowerWindow(Opens, Opens.AddHours(1));
        registry.Follow("round/s/1", round, ["t1"]);
        registry.Follow("playlist/JP", FollowerWindow.AllTime, ["t1", "t2"]);
        var minutes = new Dictionary<TrackMinute, Counts>
        {
            [new("t1", Minute(Opens.AddMinutes(-1)))] = new() { Views = 1 },
            [new("t1", Minute(Opens))] = new() { Likes = 1, Uses = 1 },
            [new("t1", Minute(Opens.AddMinutes(59)))] = new() { Shares = 1 },
            [new("t1", Minute(Opens.AddHours(1)))] = new() { Comments = 1 },
            [new("t2", Minute(Opens))] = new() { Views = 7 },
            [new("t3", Minute(Opens))] = new() { Views = 100 },
        };

        var points = registry.PointsOf(minutes);

        Assert.Equal(3 + 20 + 8, points["round/s/1"]["t1"]);
        Assert.Equal(1 + 3 + 20 + 8 + 4, points["playlist/JP"]["t1"]);
        Assert.Equal(7, points["playlist/JP"]["t2"]);
        Assert.False(points["round/s/1"].ContainsKey("t2"));
        Assert.Equal(2, points.Count);
    }

    [Fact]
    public void AnUnfollowedFollower_GetsNothing_AndItsEdgesNoLongerCount()
    {
        var registry = new FollowRegistry();
        registry.Follow("round/s/1", new FollowerWindow(Opens, Opens.AddMinutes(90)), ["t1"]);
        Assert.Equal([Minute(Opens), Minute(Opens.AddMinutes(90))], registry.Edges());

        registry.Unfollow("round/s/1");

        Assert.Empty(registry.PointsOf(new Dictionary<TrackMinute, Counts> { [new("t1", Minute(Opens))] = new() { Views = 1 } }));
        Assert.Empty(registry.Edges());
        Assert.Empty(registry.FollowersOf("t1"));
    }

    [Fact]
    public void AFollowerKeepsItsWindow()
    {
        var registry = new FollowRegistry();
        registry.Follow("round/s/1", new FollowerWindow(Opens, Opens.AddHours(1)), []);

        Assert.Equal(["t1"], registry.Follow("round/s/1", new FollowerWindow(Opens, Opens.AddHours(1)), ["t1", "t1"]));
        Assert.Throws<InvalidOperationException>(() => registry.Follow("round/s/1", FollowerWindow.AllTime, ["t2"]));
    }
}
