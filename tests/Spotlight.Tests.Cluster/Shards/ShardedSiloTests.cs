using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spotlight.Domain.Analytics;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Silo.Migrations;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>Silos with engagement on two shards (two servers), membership and grain state in a main database: random
/// load counts exactly for every video and track, each partition's rows are on its own shard only, and a changed
/// shard list is refused at start-up.</summary>
[Collection(ShardCollection.Name)]
public sealed class ShardedSiloTests(TwoPostgresServers servers)
{
    private const int Partitions = 8;

    [Fact]
    public async Task RandomLoad_CountsExactly_AndEachPartitionsRowsLiveOnlyOnItsShard()
    {
        var main = await servers.Servers[0].CreateDatabaseAsync();
        var shards = await servers.CreateDatabasesAsync();
        var settings = ShardSettings(shards);
        var siloA = await PostgresSilos.StartSiloAsync(main, settings: settings);
        var siloB = await PostgresSilos.StartSiloAsync(main, settings: settings);
        var client = await PostgresSilos.StartClientAsync(main);
        try
        {
            var grains = client.Client();
            // Three titles, each matching the videos of one hashtag (videos of every track, so of every partition).
            var titles = Enumerable.Range(0, 3).Select(i => $"shard-title-{i}").ToArray();
            for (var i = 0; i < titles.Length; i++)
            {
                Assert.Equal(TitleCreateOutcome.Created, (await grains.GetGrain<ITitleHubGrain>(titles[i]).CreateAsync(
                    new CreateTitleCommand("Title " + i, "movie", "studio-shards", [], [], [], [$"shardtag{i}"], [], [], 0, 0, "admin"))).Outcome);
            }

            var tracks = Enumerable.Range(0, 20).Select(i => $"shard-track-{i}").ToArray();
            var videos = Enumerable.Range(0, 60).Select(i => (Id: $"shard-video-{i}", Track: tracks[i % tracks.Length], Title: titles[i % titles.Length])).ToArray();
            await Task.WhenAll(videos.Select((v, i) => grains.GetGrain<IVideoGrain>(v.Id).RegisterAsync(new RegisterVideoCommand("creator", 1, v.Track, [$"shardtag{i % titles.Length}"], "", []))));
            var started = DateTimeOffset.UtcNow;

            var random = new Random(21);
            var views = videos.ToDictionary(v => v.Id, _ => 0L);
            var likes = videos.ToDictionary(v => v.Id, _ => 0L);
            var batches = Enumerable.Range(0, 40).Select(b =>
            {
                var events = Enumerable.Range(0, 100).Select(_ =>
                {
                    var video = videos[random.Next(videos.Length)].Id;
                    var kind = random.Next(4) == 0 ? EngagementKind.Like : EngagementKind.View;
                    var count = random.Next(1, 4);
                    (kind == EngagementKind.Like ? likes : views)[video] += count;
                    return (video, kind, count, DateTimeOffset.UtcNow);
                }).ToList();
                return IngestBatch.Of($"shard-batch-{b}", events);
            }).ToList();

            var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
            Assert.All(await Task.WhenAll(batches.Select(ingest.IngestAsync)), o => Assert.Equal((100, false), (o.Accepted, o.Duplicate)));
            Assert.All(await Task.WhenAll(batches.Take(10).Select(ingest.IngestAsync)), o => Assert.True(o.Duplicate));

            await Eventually.UntilAsync(async () =>
                {
                    var read = await Task.WhenAll(videos.Select(v => grains.GetGrain<IVideoGrain>(v.Id).GetAsync()));
                    return read.All(v => v!.Counters.Views == views[v.Id] && v.Counters.Likes == likes[v.Id]);
                },
                TimeSpan.FromSeconds(60), "every video's views and likes to equal the ground truth", poll: TimeSpan.FromMilliseconds(250));

            var store = siloA.Services.GetRequiredService<IEngagementStore>();
            foreach (var track in tracks)
            {
                var (counters, uses) = await store.SumTrackAsync(track, null, null, CancellationToken.None);
                var ofTrack = videos.Where(v => v.Track == track).Select(v => v.Id).ToList();
                Assert.Equal((ofTrack.Sum(v => views[v]), ofTrack.Sum(v => likes[v]), (long)ofTrack.Count), (counters.Views, counters.Likes, uses));
            }

            // Each shard holds its partitions' rows and no other's; the main database holds none.
            for (var shard = 0; shard < 2; shard++)
            {
                var owned = Enumerable.Range(0, Partitions).Where(p => p % 2 == shard).ToHashSet();
                Assert.Equal(owned.Order(), await DatabaseRows.IntsAsync(shards[shard], "SELECT partition FROM engagement_checkpoint ORDER BY partition"));
                Assert.Equal(owned.Order(), await DatabaseRows.IntsAsync(shards[shard], "SELECT partition FROM engagement_log_head ORDER BY partition"));
                Assert.Subset(owned, (await DatabaseRows.IntsAsync(shards[shard], "SELECT DISTINCT partition FROM engagement_log")).ToHashSet());
                var videosHere = await DatabaseRows.StringsAsync(shards[shard], "SELECT video_id FROM engagement_video");
                Assert.NotEmpty(videosHere);
                Assert.All(videosHere, v => Assert.Contains(EngagementPartitions.Of(v, videos.Single(x => x.Id == v).Track, Partitions), owned));
                Assert.Equal(0, await DatabaseRows.ScalarAsync(shards[shard],
                    "SELECT count(*) FROM engagement_checkpoint c JOIN engagement_log_head h USING (partition) WHERE c.applied_offset <> h.next_offset - 1"));
            }

            Assert.Equal(0, await DatabaseRows.ScalarAsync(main, "SELECT count(*) FROM engagement_log"));
            Assert.Equal(0, await DatabaseRows.ScalarAsync(main, "SELECT count(*) FROM engagement_video"));
            Assert.Equal(Partitions, await DatabaseRows.ScalarAsync(main, "SELECT count(*) FROM engagement_shard_map"));
            Assert.Equal(60, await DatabaseRows.ScalarAsync(main, "SELECT count(*) FROM spotlight_video"));
            // A batch split over both shards is claimed on each, under its one id.
            Assert.Equal(80, await DatabaseRows.ScalarAsync(shards[0], "SELECT count(*) FROM engagement_batch WHERE batch_id LIKE 'shard-batch-%'")
                + await DatabaseRows.ScalarAsync(shards[1], "SELECT count(*) FROM engagement_batch WHERE batch_id LIKE 'shard-batch-%'"));

            // Each title's analytics, read from day grains that load again after a restart of every silo: their
            // minutes come from both shards and add up to the title's ground truth.
            await PostgresSilos.StopAsync(client, siloA, siloB);
            siloA = await PostgresSilos.StartSiloAsync(main, settings: settings);
            siloB = await PostgresSilos.StartSiloAsync(main, settings: settings);
            client = await PostgresSilos.StartClientAsync(main);
            grains = client.Client();
            var (range, errors) = AnalyticsRangeRules.Validate(started.AddMinutes(-5).ToString("O"), null, "hour", 10, DateTimeOffset.UtcNow);
            Assert.Empty(errors);
            foreach (var title in titles)
            {
                var ofTitle = videos.Where(v => v.Title == title).Select(v => v.Id).ToList();
                var expected = new EngagementCounters(ofTitle.Sum(v => views[v]), ofTitle.Sum(v => likes[v]), 0, 0);
                var days = new List<TitleDayReport>();
                for (var day = range!.FirstDay; day <= range.LastDay; day++)
                {
                    days.Add(await grains.GetGrain<ITitleDayAnalyticsGrain>(TitleAnalyticsKeys.Day(title, day)).GetAsync(range.FromMinute, range.ToMinute));
                }

                Assert.Equal(expected, TitleAnalyticsReport.Build(title, range, days).Totals.Matching);
            }
        }
        finally
        {
            await PostgresSilos.StopAsync(client, siloA, siloB);
        }

        // Dropping a shard from the list would move its partitions: refused before the silo joins.
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => PostgresSilos.StartSiloAsync(main, settings: ShardSettings([shards[0]])));
        Assert.Contains("does not match the shard map recorded in the main database: partition 1 is on 'shard1', which this list does not name", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShardsConnectionString_PointingAtAnotherShardsDatabase_IsRefused()
    {
        var main = await servers.Servers[0].CreateDatabaseAsync();
        var shards = await servers.CreateDatabasesAsync();
        var silo = await PostgresSilos.StartSiloAsync(main, settings: ShardSettings(shards));
        await PostgresSilos.StopAsync(silo);

        // Another main database (its own map), whose shard list names the first shard's database for the second.
        var otherMain = await servers.Servers[0].CreateDatabaseAsync();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => PostgresSilos.StartSiloAsync(otherMain, settings: ShardSettings([shards[1], shards[0]])));
        Assert.Contains("is engagement shard 'shard1'", refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ShardSettings(IReadOnlyList<string> shards)
    {
        var settings = new Dictionary<string, string?> { ["Spotlight:Engagement:Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < shards.Count; i++)
        {
            settings[$"Spotlight:Postgres:EngagementShards:{i}"] = shards[i];
        }

        return settings;
    }
}
