using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Tests.Cluster.Engagement;

/// <summary>
/// What every engagement store promises (<see cref="IEngagementStore"/>), run against each implementation:
/// a delivery commits once, with its position; sums over event time; follows answer in step with commits;
/// title-days add up across partitions; maintenance never changes a sum a follower or report can ask for.
/// </summary>
public abstract class EngagementStoreContract
{
    /// <summary>Video minutes are written with every commit: these tests commit deliveries that are in no log, so
    /// a store could not rebuild held ones (<c>PostgresHeldVideoMinutesTests</c> holds them, over a real log).</summary>
    public static readonly EngagementOptions Options = new() { Partitions = 4, VideoMinuteWriteInterval = TimeSpan.Zero };

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly long NowMinute = EventMinutes.MinuteOf(Now);

    protected abstract Task<IEngagementStore> CreateStoreAsync();

    private static Counts Of(long views, long likes = 0, long uses = 0) => new() { Views = views, Likes = likes, Uses = uses };

    private static long PointsOf(Counts counts) => counts.Points;

    [Fact]
    public async Task ADeliveryCommitsOnce_WithItsPosition_AndAnswersTheViewsAfterIt()
    {
        var store = await CreateStoreAsync();
        var first = new DeliveryCommit(2, 0, 3, videos: new() { ["v1"] = Of(5, likes: 1), ["v2"] = Of(1) }) { Notified = 0 };

        var committed = await store.CommitAsync(first, CancellationToken.None);
        var again = await store.CommitAsync(new DeliveryCommit(2, 0, 3, videos: new() { ["v1"] = Of(5) }), CancellationToken.None);
        var next = await store.CommitAsync(new DeliveryCommit(2, 3, 4, videos: new() { ["v1"] = Of(2) }), CancellationToken.None);

        Assert.True(committed.Committed);
        Assert.Equal(5, committed.VideoViews["v1"]);
        Assert.Equal((false, 3L), (again.Committed, again.Applied));
        Assert.Equal(7, next.VideoViews["v1"]);
        var counters = await store.ReadVideoCountersAsync(["v1", "v2", "never-engaged"], CancellationToken.None);
        Assert.Equal(new EngagementCounters(7, 1, 0, 0), counters["v1"]);
        Assert.Equal(new EngagementCounters(1, 0, 0, 0), counters["v2"]);
        Assert.False(counters.ContainsKey("never-engaged"));
        Assert.Equal(new long[] { 0L, 0, 4, 0 }, await store.ReadPositionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Notified_NeverPassesApplied_NorGoesBack()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(new DeliveryCommit(1, 0, 5, videos: new() { ["v"] = Of(1) }), CancellationToken.None);

        await store.MarkNotifiedAsync(1, 3, CancellationToken.None);
        Assert.Equal(new PartitionPosition(5, 3), await store.ReadPositionAsync(1, CancellationToken.None));
        await store.MarkNotifiedAsync(1, 2, CancellationToken.None);
        await store.MarkNotifiedAsync(1, 9, CancellationToken.None);
        Assert.Equal(new PartitionPosition(5, 5), await store.ReadPositionAsync(1, CancellationToken.None));
        await store.CommitAsync(new DeliveryCommit(1, 5, 6, videos: new() { ["v"] = Of(1) }) { Notified = 6 }, CancellationToken.None);
        Assert.Equal(new PartitionPosition(6, 6), await store.ReadPositionAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task TrackSums_CountTheBucketsStartingInsideTheWindow_AcrossPartitions()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(new DeliveryCommit(0, 0, 1, trackMinutes: new()
        {
            [new("t", NowMinute - 10)] = Of(1, uses: 1),
            [new("t", NowMinute - 5)] = Of(10),
        }), CancellationToken.None);
        await store.CommitAsync(new DeliveryCommit(3, 0, 1, trackMinutes: new() { [new("t", NowMinute - 5)] = Of(100, likes: 2) }), CancellationToken.None);

        var all = await store.SumTrackAsync("t", null, null, CancellationToken.None);
        var lastSix = await store.SumTrackAsync("t", EventMinutes.StartOf(NowMinute - 5), null, CancellationToken.None);
        var before = await store.SumTrackAsync("t", null, EventMinutes.StartOf(NowMinute - 5), CancellationToken.None);

        Assert.Equal((new EngagementCounters(111, 2, 0, 0), 1L), all);
        Assert.Equal((new EngagementCounters(110, 2, 0, 0), 0L), lastSix);
        Assert.Equal((new EngagementCounters(1, 0, 0, 0), 1L), before);
        Assert.Equal((EngagementCounters.Zero, 0L), await store.SumTrackAsync("unknown", null, null, CancellationToken.None));
    }

    [Fact]
    public async Task TrackDays_AreEachUtcDaysWindowSum()
    {
        var store = await CreateStoreAsync();
        var today = DateOnly.FromDateTime(EventMinutes.StartOf(NowMinute).UtcDateTime);
        var midnight = EventMinutes.MinuteOf(new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        // Minutes on both sides of two midnights, in two partitions.
        await store.CommitAsync(new DeliveryCommit(0, 0, 1, trackMinutes: new()
        {
            [new("t", midnight - 1441)] = Of(1),
            [new("t", midnight - 1)] = Of(10, uses: 1),
            [new("t", midnight)] = Of(100),
        }), CancellationToken.None);
        await store.CommitAsync(new DeliveryCommit(2, 0, 1, trackMinutes: new() { [new("t", midnight - 1440)] = Of(1_000, likes: 3) }), CancellationToken.None);

        var days = await store.SumTrackByDayAsync("t", today.AddDays(-2), 4, CancellationToken.None);

        Assert.Equal(
            [(new EngagementCounters(1, 0, 0, 0), 0L), (new EngagementCounters(1_010, 3, 0, 0), 1L), (new EngagementCounters(100, 0, 0, 0), 0L), (EngagementCounters.Zero, 0L)],
            days);
        for (var i = 0; i < days.Count; i++)
        {
            var start = new DateTimeOffset(today.AddDays(i - 2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Assert.Equal(await store.SumTrackAsync("t", start, start.AddDays(1), CancellationToken.None), days[i]);
        }
    }

    [Fact]
    public async Task AFollower_GetsItsPointsInStepWithCommits_OnlyInsideItsWindow_UntilItUnfollows()
    {
        var store = await CreateStoreAsync();
        var window = new FollowerWindow(EventMinutes.StartOf(NowMinute - 60), EventMinutes.StartOf(NowMinute + 60));
        await store.CommitAsync(new DeliveryCommit(0, 0, 1, trackMinutes: new()
        {
            [new("t1", NowMinute - 61)] = Of(1_000),
            [new("t1", NowMinute - 60)] = Of(7),
        }), CancellationToken.None);

        var snapshot = await store.FollowAsync("round/s/1", window, ["t1", "t2"], CancellationToken.None);
        var delivery = await store.CommitAsync(new DeliveryCommit(0, 1, 2, trackMinutes: new()
        {
            [new("t1", NowMinute)] = Of(3, likes: 1),
            [new("t2", NowMinute - 100)] = Of(50),
            [new("t3", NowMinute)] = Of(50),
        }), CancellationToken.None);

        Assert.Equal(PointsOf(Of(7)), snapshot.Points["t1"]);
        Assert.Equal(0, snapshot.Points["t2"]);
        Assert.Equal([1L, 0, 0, 0], snapshot.Positions);
        var told = Assert.Single(delivery.FollowerPoints);
        Assert.Equal("round/s/1", told.Key);
        Assert.Equal(PointsOf(Of(3, likes: 1)), Assert.Single(told.Value, p => p.Key == "t1").Value);
        Assert.DoesNotContain("t3", told.Value.Keys);
        Assert.True(!told.Value.TryGetValue("t2", out var outside) || outside == 0);
        Assert.Equal(["round/s/1"], await store.FollowersOfAsync(["t1", "t3"], CancellationToken.None));

        var loaded = await store.LoadFollowerAsync("round/s/1", CancellationToken.None);
        Assert.Equal(PointsOf(Of(10, likes: 1)), loaded!.Points["t1"]);
        Assert.Equal([2L, 0, 0, 0], loaded.Positions);

        await store.UnfollowAsync("round/s/1", CancellationToken.None);
        var afterUnfollow = await store.CommitAsync(new DeliveryCommit(0, 2, 3, trackMinutes: new() { [new("t1", NowMinute)] = Of(1) }), CancellationToken.None);
        Assert.Empty(afterUnfollow.FollowerPoints);
        Assert.Null(await store.LoadFollowerAsync("round/s/1", CancellationToken.None));
        Assert.Empty(await store.FollowersOfAsync(["t1"], CancellationToken.None));
    }

    [Fact]
    public async Task TitleDays_AddUpMinutesAcrossPartitions_AndKeepEachPartitionsTopRows()
    {
        var store = await CreateStoreAsync();
        var day = TitleAnalyticsKeys.DayOf(NowMinute);
        var minute = day * TitleAnalyticsKeys.MinutesPerDay + 30;
        var first = new DeliveryCommit(0, 0, 1, titleMinutes: new() { [new("title", minute)] = new TitleMinuteDelta { Matching = Of(10), Linked = Of(4) } });
        first.TitleTops.Add(new TitleTopRow("title", day, new TopListRow(TopListKind.Video, "v1", new EngagementCounters(10, 0, 0, 0), 0)));
        first.TitleTops.Add(new TitleTopRow("title", day, new TopListRow(TopListKind.Hashtag, "#gone", new EngagementCounters(1, 0, 0, 0), 0)));
        var second = new DeliveryCommit(1, 0, 1, titleMinutes: new()
        {
            [new("title", minute)] = new TitleMinuteDelta { Matching = Of(5) },
            [new("title", minute + 1)] = new TitleMinuteDelta { Matching = Of(1, likes: 1) },
        });
        second.TitleTops.Add(new TitleTopRow("title", day, new TopListRow(TopListKind.Creator, "c9", new EngagementCounters(6, 1, 0, 0), 2)));
        var removal = new DeliveryCommit(0, 1, 2);
        removal.TitleTops.Add(new TitleTopRow("title", day, new TopListRow(TopListKind.Hashtag, "#gone", EngagementCounters.Zero, 0, Removed: true)));

        await store.CommitAsync(first, CancellationToken.None);
        await store.CommitAsync(second, CancellationToken.None);
        await store.CommitAsync(removal, CancellationToken.None);
        var snapshot = await store.LoadTitleDayAsync("title", day, CancellationToken.None);

        Assert.Equal(
            [(minute, new EngagementCounters(15, 0, 0, 0), new EngagementCounters(4, 0, 0, 0)), (minute + 1, new EngagementCounters(1, 1, 0, 0), EngagementCounters.Zero)],
            snapshot.Minutes.Select(m => (m.Minute, m.Matching, m.Linked)));
        Assert.Equal(
            [new PartitionTopRow(0, new TopListRow(TopListKind.Video, "v1", new EngagementCounters(10, 0, 0, 0), 0)), new PartitionTopRow(1, new TopListRow(TopListKind.Creator, "c9", new EngagementCounters(6, 1, 0, 0), 2))],
            snapshot.Tops.OrderBy(t => t.Partition));
        Assert.Equal([2L, 1, 0, 0], snapshot.Positions);
        Assert.Equal(["c9"], (await store.LoadTitleTopsAsync(1, "title", day, CancellationToken.None)).Select(r => r.Key));
        Assert.Empty(await store.LoadTitleTopsAsync(2, "title", day, CancellationToken.None));
        Assert.Empty((await store.LoadTitleDayAsync("title", day - 1, CancellationToken.None)).Minutes);
    }

    [Fact]
    public async Task Maintenance_RollsOldMinutesUp_WithoutChangingAnySumAFollowerCanAskFor()
    {
        var store = await CreateStoreAsync();
        // Three days ago, one event every minute for six hours; a round window opens in the middle of it.
        var start = EventMinutes.Floor(NowMinute - (3 * EventMinutes.PerDay), EventMinutes.PerHour);
        var opens = start + 150;
        var minutes = Enumerable.Range(0, 360).ToDictionary(i => new TrackMinute("t", start + i), i => Of(1 + (i % 3)));
        await store.CommitAsync(new DeliveryCommit(0, 0, 1, trackMinutes: minutes), CancellationToken.None);
        var window = new FollowerWindow(EventMinutes.StartOf(opens), null);
        var followed = await store.FollowAsync("round/s/2", window, ["t"], CancellationToken.None);
        var whole = await store.SumTrackAsync("t", null, null, CancellationToken.None);

        var maintenance = await store.MaintainAsync(Now, CancellationToken.None);
        await store.MaintainAsync(Now, CancellationToken.None);

        Assert.True(maintenance.BucketsMerged > 0, "old minutes rolled up");
        Assert.True(maintenance.TrackBuckets < 100, $"{maintenance.TrackBuckets} buckets left of 360 minutes");
        Assert.Equal(whole, await store.SumTrackAsync("t", null, null, CancellationToken.None));
        Assert.Equal(followed.Points["t"], (await store.LoadFollowerAsync("round/s/2", CancellationToken.None))!.Points["t"]);
        Assert.Equal(PointsOf(minutes.Where(m => m.Key.Minute >= opens).Aggregate(default(Counts), (sum, m) => { sum.Add(m.Value); return sum; })), followed.Points["t"]);
    }
}
