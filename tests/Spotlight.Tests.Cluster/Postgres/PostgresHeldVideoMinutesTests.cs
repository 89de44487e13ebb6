using Microsoft.Extensions.Time.Testing;
using Spotlight.Domain;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Silo.Engagement;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>
/// The PostgreSQL store holds per-video minutes between writes (<see cref="HeldVideoMinutes"/>), over a real log:
/// deliveries are appended and read back as a projector does. Checked against a brute force over every event:
/// held minutes are not yet in the table but an exclusion takes them off at once; another silo's store that
/// commits the partition next rebuilds them from the log; whichever store writes them, each event is in the
/// table once; the videos of a track that names no season keep none; and the log is kept until they are written.
/// </summary>
[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresHeldVideoMinutesTests(PostgresFixture postgres)
{
    private static readonly EngagementOptions Options = new() { Partitions = 2, VideoMinuteWriteInterval = TimeSpan.FromMinutes(5) };
    private static readonly long NowMinute = EventMinutes.MinuteOf(DateTimeOffset.UtcNow);
    private static readonly string[] Tracks = ["t1", "t2", "t3"];
    private const string NoSeasonTrack = "t4";
    private static readonly Dictionary<string, string> TrackOf = new(StringComparer.Ordinal)
    {
        ["v1"] = "t1", ["v2"] = "t1", ["v3"] = "t2", ["v4"] = "t2", ["v5"] = "t3", ["v6"] = "t3", ["v7"] = NoSeasonTrack, ["v8"] = NoSeasonTrack,
    };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly Random _random = new(20261204);
    private readonly List<Event> _events = [];
    private readonly long[] _positions = new long[Options.Partitions];
    private readonly Dictionary<string, long> _told = new(StringComparer.Ordinal);
    private int _batches;

    [Fact]
    public async Task HeldMinutes_AreExcludedBeforeTheyAreWritten_RebuiltByAnotherSilo_AndWrittenOnce()
    {
        await using var database = await EngagementDatabase.CreateAsync(postgres, Options);
        var a = new PostgresEngagementStore(database.Data, database.Log, Microsoft.Extensions.Options.Options.Create(Options), _clock);
        var b = new PostgresEngagementStore(database.Data, database.Log, Microsoft.Extensions.Options.Options.Create(Options), _clock);
        var round = new FollowerWindow(EventMinutes.StartOf(NowMinute - 120), EventMinutes.StartOf(NowMinute + 60));

        await DeliverAsync(database, a, batches: 4);
        Assert.All(_positions, p => Assert.True(p > 0));
        Assert.Contains(_events, e => TrackOf[e.Video] == NoSeasonTrack);
        Assert.Empty(await ReadMinutesAsync(a));
        Assert.Equal(new long[Options.Partitions], await a.ReadLogConsumedAsync(CancellationToken.None));

        var followed = await a.FollowAsync("round/s/1", round, Tracks, CancellationToken.None);
        Assert.Equal(BruteForce(round, []), followed.Points);

        // Minutes applied but not written are taken off too (the store reads them from the log).
        List<(string Video, long First, long End)> excluded = [("v1", NowMinute - 90, NowMinute - 30), ("v3", NowMinute - 100, NowMinute + 10), ("v1", NowMinute - 40, NowMinute - 5)];
        var snapshot = followed;
        foreach (var (video, first, end) in excluded)
        {
            snapshot = await a.ExcludeAsync("round/s/1", new EngagementExclusion(TrackOf[video], video, first, end), CancellationToken.None);
        }

        Assert.Equal(BruteForce(round, excluded), snapshot.Points);
        Assert.NotEqual(BruteForce(round, []), snapshot.Points);

        // Another silo commits the partitions next: it rebuilds what is held from the log and holds more.
        _told.Clear();
        await DeliverAsync(database, b, batches: 3);
        Assert.Equal(BruteForce(round, excluded), snapshot.Points.ToDictionary(p => p.Key, p => p.Value + _told.GetValueOrDefault(p.Key), StringComparer.Ordinal));
        Assert.Equal(BruteForce(round, excluded), (await a.LoadFollowerAsync("round/s/1", CancellationToken.None))!.Points);
        Assert.Equal(BruteForce(round, excluded), (await b.LoadFollowerAsync("round/s/1", CancellationToken.None))!.Points);
        Assert.Empty(await ReadMinutesAsync(a));

        // Not due yet: nothing is written.
        await WriteHeldAsync(a);
        await WriteHeldAsync(b);
        Assert.Empty(await ReadMinutesAsync(a));

        // Due. The first store's minutes are stale (the second committed since): it reads the log again, so every
        // event is written once, whichever store writes.
        _clock.Advance(Options.VideoMinuteWriteInterval);
        await WriteHeldAsync(a);
        Assert.Equal(BruteForceMinutes(), await ReadMinutesAsync(b));
        Assert.Equal(_positions, await a.ReadLogConsumedAsync(CancellationToken.None));
        await WriteHeldAsync(b);
        Assert.Equal(BruteForceMinutes(), await ReadMinutesAsync(b));

        // A delivery commit writes what is held once it is due, its own minutes with them.
        await DeliverAsync(database, b, batches: 2);
        Assert.NotEqual(BruteForceMinutes(), await ReadMinutesAsync(b));
        _clock.Advance(Options.VideoMinuteWriteInterval);
        await DeliverAsync(database, b, batches: 1);
        Assert.Equal(BruteForceMinutes(), await ReadMinutesAsync(a));
        Assert.Equal(_positions, await b.ReadLogConsumedAsync(CancellationToken.None));
        Assert.Equal(BruteForce(round, excluded), (await a.LoadFollowerAsync("round/s/1", CancellationToken.None))!.Points);
    }

    /// <summary>Appends random events (views, likes, uses within the last two and a half hours and the next
    /// twenty minutes) batch by batch, then has <paramref name="store"/> apply every partition's new entries as
    /// a projector does, adding the points it tells the round.</summary>
    private async Task DeliverAsync(EngagementDatabase database, PostgresEngagementStore store, int batches)
    {
        for (var n = 0; n < batches; n++)
        {
            var videos = TrackOf.Keys.ToArray();
            var events = Enumerable.Range(0, 40)
                .Select(_ => new Event(videos[_random.Next(videos.Length)], (EngagementKind)new[] { 0, 1, 4 }[_random.Next(3)], _random.Next(1, 20), NowMinute - 150 + _random.Next(170)))
                .ToList();
            var batch = IngestBatch.Of($"b{_batches++}", [.. events.Select(e => (e.Video, e.Kind, e.Count, EventMinutes.StartOf(e.Minute).AddSeconds(7)))]);
            var tracks = events.Select(e => (string?)TrackOf[e.Video]).ToList();
            var inSeason = events.Select(e => TrackOf[e.Video] != NoSeasonTrack).ToList();
            var slices = Enumerable.Range(0, Options.Partitions)
                .Select(p => (Partition: p, Events: Enumerable.Range(0, events.Count).Where(i => EngagementPartitions.Of(events[i].Video, TrackOf[events[i].Video], Options.Partitions) == p).ToArray()))
                .Where(s => s.Events.Length > 0)
                .Select(s => new LogSlice(s.Partition, s.Events.Length, SliceWriter.Write(batch, s.Events, tracks, inSeason)))
                .ToList();
            await database.Log.AppendAsync(new LogAppend(batch.BatchId, slices, new IngestOutcome(events.Count, [], false)), CancellationToken.None);
            _events.AddRange(events);
        }

        for (var partition = 0; partition < Options.Partitions; partition++)
        {
            var entries = await database.Log.ReadAsync(partition, _positions[partition], 1000, CancellationToken.None);
            if (entries.Count == 0)
            {
                continue;
            }

            var sum = DeliveryAggregation.Aggregate(entries.Select(e => SliceReader.Read(e.Payload)), new Dictionary<string, VideoRoute>());
            var commit = new DeliveryCommit(partition, _positions[partition], entries[^1].Offset, sum.Videos, sum.TrackMinutes, sum.TitleMinutes) { VideoMinutes = sum.VideoMinutes };
            var outcome = await store.CommitAsync(commit, CancellationToken.None);
            Assert.True(outcome.Committed);
            _positions[partition] = entries[^1].Offset;
            foreach (var (track, points) in outcome.FollowerPoints.GetValueOrDefault("round/s/1") ?? [])
            {
                _told[track] = _told.GetValueOrDefault(track) + points;
            }
        }
    }

    private static async Task WriteHeldAsync(PostgresEngagementStore store)
    {
        for (var partition = 0; partition < Options.Partitions; partition++)
        {
            await store.WriteHeldVideoMinutesAsync(partition, CancellationToken.None);
        }
    }

    private static async Task<SortedDictionary<(string Video, long Minute), (long Views, long Likes, long Uses)>> ReadMinutesAsync(PostgresEngagementStore store)
    {
        var rows = await store.ReadVideoMinutesAsync([.. Tracks, NoSeasonTrack], long.MinValue, long.MaxValue, CancellationToken.None);
        Assert.All(rows, r => Assert.Equal(TrackOf[r.VideoId], r.TrackId));
        return new(rows.ToDictionary(r => (r.VideoId, r.Minute), r => (r.Counts.Views, r.Counts.Likes, r.Counts.Uses)));
    }

    private SortedDictionary<(string Video, long Minute), (long Views, long Likes, long Uses)> BruteForceMinutes() =>
        new(_events.Where(e => TrackOf[e.Video] != NoSeasonTrack).GroupBy(e => (e.Video, e.Minute)).ToDictionary(g => g.Key, g => (g.Sum(e => e.Counts.Views), g.Sum(e => e.Counts.Likes), g.Sum(e => e.Counts.Uses))));

    /// <summary>The round's points per track by definition: every event of the track's videos in its window, less
    /// those in a minute an exclusion of the video holds.</summary>
    private Dictionary<string, long> BruteForce(FollowerWindow window, IReadOnlyList<(string Video, long First, long End)> excluded)
    {
        var points = Tracks.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        foreach (var e in _events.Where(e => points.ContainsKey(TrackOf[e.Video]) && window.Contains(e.Minute) && !excluded.Any(x => x.Video == e.Video && e.Minute >= x.First && e.Minute < x.End)))
        {
            points[TrackOf[e.Video]] += e.Counts.Points;
        }

        return points;
    }

    private sealed record Event(string Video, EngagementKind Kind, int Count, long Minute)
    {
        public Counts Counts
        {
            get
            {
                var counts = default(Counts);
                counts.Add(Kind, Count);
                return counts;
            }
        }
    }
}
