using Microsoft.Extensions.Hosting;
using Spotlight.Domain;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Tests.Cluster.Seasons;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>
/// Postgres mode, two silos and then a new one: a reviewer's exclusion ranks the round again at once exactly as a
/// brute force over every acknowledged event says; events arriving later inside the excluded range stay out
/// whichever silo's projector applies them (a silo that starts afterwards reads the exclusion from the
/// database); a silo leaving does not undo it; and once the round closes its results keep the exclusion and no
/// further one is taken.
/// </summary>
[Collection(PostgresStoreCollection.Name)]
public class PostgresRoundExclusionTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(60);

    private readonly List<(string VideoId, EngagementKind Kind, int Count, DateTimeOffset At)> _acknowledged = [];
    private readonly Random _random = new(2026);

    [Fact]
    public async Task AnExclusion_IsExactAtOnce_AndForLateEvents_OnEverySilo_UntilTheRoundCloses()
    {
        var database = await postgres.CreateDatabaseAsync();
        var siloA = await PostgresSilos.StartSiloAsync(database);
        var siloB = await PostgresSilos.StartSiloAsync(database);
        var client = await PostgresSilos.StartClientAsync(database);
        IHost? siloC = null;
        try
        {
            var grains = client.Client();
            var seasonId = "pg-excl-" + Guid.NewGuid().ToString("N")[..8];
            var now = SeasonWorkflow.MinuteOf(DateTimeOffset.UtcNow);
            var (opens, closes) = (now.AddHours(-2), now.AddHours(1));
            await SeasonWorkflow.CreateAsync(grains, seasonId, SeasonWorkflow.Round(opens, closes), SeasonWorkflow.Round(closes, closes.AddHours(1)), SeasonWorkflow.Round(closes.AddHours(1), closes.AddHours(2)));
            var entries = await SeasonWorkflow.EnterAsync(grains, seasonId, 4);
            var trackOf = new Dictionary<string, string>();
            foreach (var (entry, i) in entries.SelectMany(e => new[] { e, e }).Select((e, i) => (e, i)))
            {
                var videoId = $"{seasonId}-v{i}";
                var registered = await grains.GetGrain<IVideoGrain>(videoId).RegisterAsync(new RegisterVideoCommand("creator-" + i, 10, entry.TrackId, [], "", []));
                trackOf[videoId] = entry.TrackId;
                // A registration is a use of the track, at the registration time.
                _acknowledged.Add((videoId, EngagementKind.Use, 1, registered.Value!.RegisteredAt));
            }

            var videos = trackOf.Keys.ToList();
            var round = grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, 1));
            await IngestAsync(grains, videos, now.AddHours(-3), now, batches: 12);
            await UntilTheBoardIsAsync(round, BruteForce(trackOf, opens, closes, []), "the engagement applied");

            // Exclude a stretch of one video of the first track: the answer comes with the round ranked again.
            var excluded = new List<(string, DateTimeOffset, DateTimeOffset)> { (videos[0], now.AddMinutes(-90), now.AddMinutes(-30)) };
            var exclusion = new RoundExclusion(videos[0], trackOf[videos[0]], now.AddMinutes(-90), now.AddMinutes(-30), "bought views", "reviewer-1", DateTimeOffset.UtcNow);
            Assert.Equal(ExclusionOutcome.Excluded, await round.ExcludeAsync(exclusion));
            var expected = BruteForce(trackOf, opens, closes, excluded);
            Assert.Equal(expected, Popularity(await round.GetLeaderboardAsync(100, null, 0)));

            // Late events inside and outside the range, applied by whichever silo owns their partition.
            await IngestAsync(grains, videos, now.AddMinutes(-100), now, batches: 8);
            await UntilTheBoardIsAsync(round, BruteForce(trackOf, opens, closes, excluded), "late events on two silos");

            // A silo leaves and a new one joins (its store reads the follows and exclusions from the database).
            await PostgresSilos.StopAsync(siloA);
            siloC = await PostgresSilos.StartSiloAsync(database);
            await IngestAsync(grains, videos, now.AddMinutes(-100), now, batches: 8);
            await UntilTheBoardIsAsync(round, BruteForce(trackOf, opens, closes, excluded), "late events after a silo changed");

            // Closed, the results keep the exclusion, and the round takes no other.
            Assert.Equal(RoundCloseOutcome.Closed, await round.CloseAsync(SeasonWorkflow.Admin));
            var results = (await round.GetResultsAsync())!;
            Assert.Equal(BruteForce(trackOf, opens, closes, excluded), results.Rows.ToDictionary(r => r.Row.TrackId, r => r.Row.Popularity));
            Assert.Equal(ExclusionOutcome.RoundClosed, await round.ExcludeAsync(exclusion with { VideoId = videos[2], TrackId = trackOf[videos[2]] }));
            Assert.Equal(results.Rows.Select(r => (r.Row.TrackId, r.Row.Popularity)), (await round.GetResultsAsync())!.Rows.Select(r => (r.Row.TrackId, r.Row.Popularity)));
        }
        finally
        {
            await PostgresSilos.StopAsync([client, siloB, .. siloC is null ? Array.Empty<IHost>() : [siloC]]);
        }
    }

    private async Task IngestAsync(IGrainFactory grains, IReadOnlyList<string> videos, DateTimeOffset from, DateTimeOffset to, int batches)
    {
        var kinds = new[] { EngagementKind.View, EngagementKind.View, EngagementKind.Like, EngagementKind.Comment, EngagementKind.Share };
        var span = (int)(to - from).TotalSeconds;
        for (var b = 0; b < batches; b++)
        {
            var events = Enumerable.Range(0, 100)
                .Select(_ => (videos[_random.Next(videos.Count)], kinds[_random.Next(kinds.Length)], _random.Next(1, 20), from.AddSeconds(_random.Next(span))))
                .ToList();
            var outcome = await grains.GetGrain<IEngagementIngestGrain>(0).IngestAsync(IngestBatch.Of(Guid.NewGuid().ToString("N"), events));
            Assert.Equal(events.Count, outcome.Accepted);
            _acknowledged.AddRange(events);
        }
    }

    /// <summary>Per track, the points of every acknowledged event of its videos inside the window, less the excluded ones.</summary>
    private Dictionary<string, long> BruteForce(Dictionary<string, string> trackOf, DateTimeOffset opens, DateTimeOffset closes, IReadOnlyList<(string Video, DateTimeOffset From, DateTimeOffset To)> excluded)
    {
        var points = trackOf.Values.Distinct().ToDictionary(t => t, _ => 0L);
        foreach (var (video, kind, count, at) in _acknowledged)
        {
            if (at >= opens && at < closes && !excluded.Any(x => x.Video == video && at >= x.From && at < x.To))
            {
                var counts = default(Counts);
                counts.Add(kind, count);
                points[trackOf[video]] += counts.Points;
            }
        }

        return points;
    }

    private static Dictionary<string, long> Popularity(Leaderboard board) => board.Rows.ToDictionary(r => r.TrackId, r => r.Popularity);

    private static async Task UntilTheBoardIsAsync(IRoundGrain round, Dictionary<string, long> expected, string what)
    {
        Dictionary<string, long> seen = [];
        await Eventually.UntilAsync(
            async () => (seen = Popularity(await round.GetLeaderboardAsync(100, null, 0))).Count == expected.Count && expected.All(p => seen[p.Key] == p.Value),
            Settling,
            () => $"{what}: the board {string.Join(", ", seen)} to be {string.Join(", ", expected)}");
    }
}
