using Spotlight.Domain;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Tests.Cluster.Engagement;

/// <summary>
/// What a store promises for rounds' reviews (<see cref="IEngagementStore.ExcludeAsync"/>,
/// <see cref="IEngagementStore.ReadVideoMinutesAsync"/>), run against each implementation and checked against
/// a brute force over every event committed: an exclusion takes exactly the excluded video's minutes inside the
/// window off the follower's points, events arriving later inside its range are never counted, overlapping
/// exclusions take a minute off once, another follower of the same track is untouched, and a second silo's
/// store (its own registry) sees the exclusion.
/// </summary>
public abstract class ExclusionStoreContract
{
    private static readonly long NowMinute = EventMinutes.MinuteOf(DateTimeOffset.UtcNow);

    /// <summary>Video → (track, partition).</summary>
    private static readonly Dictionary<string, (string Track, int Partition)> Videos = new()
    {
        ["v1"] = ("t1", 0), ["v2"] = ("t1", 1), ["v3"] = ("t2", 0), ["v4"] = ("t2", 2),
    };

    protected abstract Task<IEngagementStore> CreateStoreAsync();

    /// <summary>Another silo's store over the same data (the in-memory store is one per process: itself).</summary>
    protected abstract IEngagementStore AnotherSilosStore(IEngagementStore store);

    [Fact]
    public async Task Exclusions_TakeExactlyTheExcludedMinutesOff_NowAndForEventsThatArriveLater()
    {
        var store = await CreateStoreAsync();
        var other = AnotherSilosStore(store);
        var random = new Random(20261204);
        var round = new FollowerWindow(EventMinutes.StartOf(NowMinute - 120), EventMinutes.StartOf(NowMinute + 60));
        var nextRound = new FollowerWindow(EventMinutes.StartOf(NowMinute - 120), EventMinutes.StartOf(NowMinute + 60));
        var committed = new List<Event>();
        var positions = new long[4];
        var told = new Dictionary<string, Dictionary<string, long>>();

        async Task DeliverAsync(IEngagementStore through, int count)
        {
            foreach (var partition in Enumerable.Range(0, 3))
            {
                var events = Enumerable.Range(0, count)
                    .Select(_ => Videos.Where(v => v.Value.Partition == partition).Select(v => v.Key).ToArray())
                    .Where(ids => ids.Length > 0)
                    .Select(ids => new Event(ids[random.Next(ids.Length)], NowMinute - 150 + random.Next(170), random.Next(1, 40), random.Next(0, 5), random.Next(0, 3)))
                    .ToList();
                var outcome = await through.CommitAsync(CommitOf(partition, positions[partition], positions[partition] + 1, events), CancellationToken.None);
                Assert.True(outcome.Committed);
                positions[partition]++;
                committed.AddRange(events);
                foreach (var (follower, points) in outcome.FollowerPoints)
                {
                    var sum = told.TryGetValue(follower, out var s) ? s : told[follower] = new(StringComparer.Ordinal);
                    foreach (var (track, p) in points)
                    {
                        sum[track] = sum.GetValueOrDefault(track) + p;
                    }
                }
            }
        }

        await DeliverAsync(store, 20);
        var roundStart = await store.FollowAsync("round/s/1", round, ["t1", "t2"], CancellationToken.None);
        await store.FollowAsync("round/s/2", nextRound, ["t1"], CancellationToken.None);
        Assert.Equal(BruteForce(committed, round, []), roundStart.Points);
        await DeliverAsync(other, 20);

        List<(string Video, long First, long End)> excluded = [("v1", NowMinute - 90, NowMinute - 30), ("v2", NowMinute - 60, NowMinute - 20), ("v2", NowMinute - 40, NowMinute - 10)];
        told.Clear();
        FollowerSnapshot afterExclusions = roundStart;
        foreach (var (video, first, end) in excluded)
        {
            afterExclusions = await store.ExcludeAsync("round/s/1", new EngagementExclusion(Videos[video].Track, video, first, end), CancellationToken.None);
        }

        // A second time changes nothing.
        afterExclusions = await store.ExcludeAsync("round/s/1", new EngagementExclusion("t1", "v1", NowMinute - 90, NowMinute - 30), CancellationToken.None);
        Assert.Equal(BruteForce(committed, round, excluded), afterExclusions.Points);
        Assert.NotEqual(BruteForce(committed, round, []), afterExclusions.Points);

        // Late events land inside the excluded ranges too: through either silo's store, none counts for the round.
        await DeliverAsync(other, 30);
        await DeliverAsync(store, 30);
        var expected = BruteForce(committed, round, excluded);
        var toldRound = told.GetValueOrDefault("round/s/1") ?? [];
        var roundNow = afterExclusions.Points.ToDictionary(p => p.Key, p => p.Value + toldRound.GetValueOrDefault(p.Key), StringComparer.Ordinal);
        Assert.Equal(expected, roundNow);
        Assert.Equal(expected, (await other.LoadFollowerAsync("round/s/1", CancellationToken.None))!.Points);
        Assert.Equal(expected, (await store.LoadFollowerAsync("round/s/1", CancellationToken.None))!.Points);

        // The other round follows t1 too and excluded nothing.
        Assert.Equal(BruteForce(committed, nextRound, []).Where(p => p.Key == "t1"), (await store.LoadFollowerAsync("round/s/2", CancellationToken.None))!.Points);

        // The minutes the reviewers' flags read: every committed event, per video and minute.
        var rows = await store.ReadVideoMinutesAsync(["t1", "t2"], NowMinute - 200, NowMinute + 100, CancellationToken.None);
        var expectedRows = committed.GroupBy(e => (e.Video, e.Minute)).ToDictionary(g => g.Key, g => g.Sum(e => e.Views) * 1_000_000 + g.Sum(e => e.Likes) * 1_000 + g.Sum(e => e.Uses));
        Assert.Equal(expectedRows.OrderBy(r => r.Key), rows.ToDictionary(r => (r.VideoId, r.Minute), r => r.Counts.Views * 1_000_000 + r.Counts.Likes * 1_000 + r.Counts.Uses).OrderBy(r => r.Key));
        Assert.All(rows, r => Assert.Equal(Videos[r.VideoId].Track, r.TrackId));
        Assert.All(await store.ReadVideoMinutesAsync(["t2"], NowMinute - 100, NowMinute - 50, CancellationToken.None), r => Assert.True(r.TrackId == "t2" && r.Minute >= NowMinute - 100 && r.Minute < NowMinute - 50));
    }

    [Fact]
    public async Task Maintenance_KeepsVideoMinutesWhileARoundWindowHoldsThem_AndDropsThemOnceNothingCan()
    {
        var store = await CreateStoreAsync();
        var round = new FollowerWindow(EventMinutes.StartOf(NowMinute - 60), EventMinutes.StartOf(NowMinute + 60));
        await store.FollowAsync("round/s/1", round, ["t1"], CancellationToken.None);
        await store.CommitAsync(CommitOf(0, 0, 1, [new Event("v1", NowMinute - 100, 5, 0, 0), new Event("v1", NowMinute, 7, 1, 0)]), CancellationToken.None);

        // Past the dedupe window and late deliveries: only the minute inside the round's window stays.
        var later = DateTimeOffset.UtcNow + EngagementStoreContract.Options.DedupeWindow + VideoMinuteRetention.LateDeliveries + TimeSpan.FromHours(3);
        var maintained = await store.MaintainAsync(later, CancellationToken.None);
        Assert.Equal(1, maintained.VideoMinutesTrimmed);
        Assert.Equal([NowMinute], (await store.ReadVideoMinutesAsync(["t1"], long.MinValue, long.MaxValue, CancellationToken.None)).Select(r => r.Minute));

        await store.UnfollowAsync("round/s/1", CancellationToken.None);
        Assert.Equal(1, (await store.MaintainAsync(later, CancellationToken.None)).VideoMinutesTrimmed);
        Assert.Empty(await store.ReadVideoMinutesAsync(["t1"], long.MinValue, long.MaxValue, CancellationToken.None));
    }

    /// <summary>The follower's points per track by definition: every committed event of the track's videos in
    /// its window, less those in a minute an exclusion of the video holds.</summary>
    private static Dictionary<string, long> BruteForce(IEnumerable<Event> events, FollowerWindow window, IReadOnlyList<(string Video, long First, long End)> excluded)
    {
        var points = new Dictionary<string, long>(StringComparer.Ordinal) { ["t1"] = 0, ["t2"] = 0 };
        foreach (var e in events)
        {
            if (window.Contains(e.Minute) && !excluded.Any(x => x.Video == e.Video && e.Minute >= x.First && e.Minute < x.End))
            {
                points[Videos[e.Video].Track] += e.Counts.Points;
            }
        }

        return points;
    }

    private static DeliveryCommit CommitOf(int partition, long previous, long last, IReadOnlyList<Event> events)
    {
        var tracks = new Dictionary<TrackMinute, Counts>();
        var videos = new Dictionary<VideoMinute, Counts>();
        foreach (var e in events)
        {
            var track = Videos[e.Video].Track;
            var t = tracks.GetValueOrDefault(new TrackMinute(track, e.Minute));
            t.Add(e.Counts);
            tracks[new TrackMinute(track, e.Minute)] = t;
            var v = videos.GetValueOrDefault(new VideoMinute(e.Video, track, e.Minute));
            v.Add(e.Counts);
            videos[new VideoMinute(e.Video, track, e.Minute)] = v;
        }

        return new DeliveryCommit(partition, previous, last, trackMinutes: tracks) { VideoMinutes = videos };
    }

    private sealed record Event(string Video, long Minute, long Views, long Likes, long Uses)
    {
        public Counts Counts => new() { Views = Views, Likes = Likes, Uses = Uses };
    }
}
