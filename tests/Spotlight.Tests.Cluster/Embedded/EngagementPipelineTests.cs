using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Domain;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Embedded;

public class EngagementPipelineTests(ThreeSiloClusterFixture fixture) : IClassFixture<ThreeSiloClusterFixture>
{
    [Fact]
    public async Task HundredThousandRandomEvents_OverAThousandVideos_EndEqualToGroundTruth()
    {
        var grains = fixture.Cluster.Client;
        var random = new Random(20261122);
        var tracks = Enumerable.Range(0, 50).Select(i => $"gt-track-{i}").ToArray();
        var videos = Enumerable.Range(0, 1_000).Select(i => (Id: $"gt-video-{i}", Track: i % 4 == 0 ? null : tracks[i % tracks.Length])).ToArray();
        await Task.WhenAll(videos.Select(v => grains.GetGrain<IVideoGrain>(v.Id)
            .RegisterAsync(new RegisterVideoCommand("creator", 10, v.Track, [], "", []))));

        var expectedVideos = videos.ToDictionary(v => v.Id, _ => EngagementCounters.Zero);
        var expectedTracks = tracks.ToDictionary(t => t, _ => EngagementCounters.Zero);
        EngagementKind[] kinds = [EngagementKind.View, EngagementKind.Like, EngagementKind.Comment, EngagementKind.Share];
        var now = DateTimeOffset.UtcNow;
        var batches = new List<IngestBatch>();
        for (var b = 0; b < 200; b++)
        {
            var records = new List<(string, EngagementKind, int, DateTimeOffset)>(500);
            for (var e = 0; e < 500; e++)
            {
                var video = videos[random.Next(videos.Length)];
                var kind = kinds[random.Next(kinds.Length)];
                var count = random.Next(1, 5);
                records.Add((video.Id, kind, count, now.AddMinutes(-random.Next(0, 120))));
                expectedVideos[video.Id] = expectedVideos[video.Id].Add(kind, count);
                if (video.Track is { } track)
                {
                    expectedTracks[track] = expectedTracks[track].Add(kind, count);
                }
            }

            batches.Add(IngestBatch.Of($"gt-batch-{b}", records));
        }

        // All batches at once through the door HTTP uses, and twenty of them a second time: those must count once.
        var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
        var firstPass = await Task.WhenAll(batches.Select(ingest.IngestAsync));
        var replays = await Task.WhenAll(batches.Take(20).Select(ingest.IngestAsync));
        Assert.All(firstPass, outcome => Assert.Equal((500, 0, false), (outcome.Accepted, outcome.Rejected.Count, outcome.Duplicate)));
        Assert.All(replays, outcome => Assert.Equal((500, true), (outcome.Accepted, outcome.Duplicate)));

        await Eventually.UntilAsync(async () =>
            {
                var actual = await Task.WhenAll(videos.Select(v => grains.GetGrain<IVideoGrain>(v.Id).GetAsync()));
                return actual.All(v => v!.Counters == expectedVideos[v.Id]);
            },
            TimeSpan.FromSeconds(60),
            "every video counter to equal the ground truth",
            poll: TimeSpan.FromMilliseconds(500));

        var uses = videos.Where(v => v.Track is not null).GroupBy(v => v.Track!).ToDictionary(g => g.Key, g => (long)g.Count());
        await Eventually.UntilAsync(async () =>
            {
                foreach (var track in tracks)
                {
                    var popularity = await grains.GetGrain<ITrackPopularityGrain>(track).GetPopularityAsync(null, null);
                    var expectedUses = uses.GetValueOrDefault(track);
                    if (popularity.Counters != expectedTracks[track] || popularity.Uses != expectedUses
                        || popularity.Points != PopularityWeights.Default.Points(expectedTracks[track], expectedUses))
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(60),
            "every track's popularity to equal the ground truth",
            poll: TimeSpan.FromMilliseconds(500));
    }
}
