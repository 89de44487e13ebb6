using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Domain;

namespace Spotlight.Tests.Api;

/// <summary>A round opened hours ago (so events can carry times across it), its entries and their videos, and
/// engagement posted with explicit times, kept to compute what the round should count by brute force.</summary>
public sealed class RoundReviewScenario(SpotlightApiFactory factory)
{
    public SeasonScenario Seasons { get; } = new(factory);

    public List<Posted> Events { get; } = [];

    /// <summary>Round 1 opened <paramref name="openedHoursAgo"/> hours ago and closing in an hour; a final later.</summary>
    public async Task<string> SeasonAsync(int openedHoursAgo)
    {
        var id = SeasonScenario.NewId();
        await Seasons.CreateAsync(new
        {
            id,
            name = "Season " + id,
            regions = new[] { "JP" },
            partners = Array.Empty<string>(),
            rounds = new object[]
            {
                new { name = "Open call", opensAt = SeasonScenario.ThisMinute.AddHours(-openedHoursAgo), closesAt = SeasonScenario.ThisMinute.AddMinutes(60), advance = 6 },
                new { opensAt = SeasonScenario.ThisMinute.AddMinutes(120), closesAt = SeasonScenario.ThisMinute.AddMinutes(180) },
            },
            winners = 5,
            prizes = Array.Empty<object>(),
        });
        return id;
    }

    /// <summary>Registers a video of the track: its registration is a use of the track, counted now.</summary>
    public async Task<string> VideoAsync(string creatorId, string trackId)
    {
        var id = await Seasons.Api.RegisterVideoAsync(creatorId, 100, trackId);
        Events.Add(new Posted(id, "use", 1, DateTimeOffset.UtcNow));
        return id;
    }

    /// <summary>Posts the events (in batches the API takes) and remembers them.</summary>
    public async Task PostAsync(IEnumerable<Posted> events)
    {
        foreach (var batch in events.Chunk(EngagementRules.MaxEventsPerBatch))
        {
            var response = await Seasons.Api.Ingest.PostAsJsonAsync("/api/engagement", new
            {
                batchId = Guid.NewGuid().ToString("N"),
                events = batch.Select(e => new { videoId = e.VideoId, kind = e.Kind, count = e.Count, at = e.At }),
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32() == batch.Length, body);
            Events.AddRange(batch);
        }
    }

    /// <summary>Per track: the points of the posted events of its videos inside [from, to), less the excluded ones.</summary>
    public Dictionary<string, long> BruteForce(IReadOnlyDictionary<string, string> trackOfVideo, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<(string VideoId, DateTimeOffset From, DateTimeOffset To)> excluded)
    {
        var points = trackOfVideo.Values.Distinct().ToDictionary(t => t, _ => 0L);
        foreach (var e in Events)
        {
            if (e.At >= from && e.At < to && !excluded.Any(x => x.VideoId == e.VideoId && e.At >= x.From && e.At < x.To))
            {
                var counts = default(Counts);
                // A registration's use is not a kind a batch may carry.
                counts.Add(EngagementRules.ParseKind(e.Kind) ?? GrainInterfaces.Engagement.EngagementKind.Use, e.Count);
                points[trackOfVideo[e.VideoId]] += counts.Points;
            }
        }

        return points;
    }

    /// <summary>Each track's popularity on the leaderboard, and the tracks in rank order.</summary>
    public async Task<(Dictionary<string, long> Popularity, List<string> Order)> BoardAsync(string seasonId)
    {
        var rows = (await Seasons.LeaderboardAsync(seasonId, 1)).GetProperty("rows");
        return (rows.EnumerateArray().ToDictionary(r => r.GetProperty("trackId").GetString()!, r => r.GetProperty("popularity").GetInt64()), SeasonScenario.TrackIds(rows).ToList());
    }

    public Task<HttpResponseMessage> ExcludeAsync(HttpClient client, string seasonId, string videoId, DateTimeOffset from, DateTimeOffset to, string reason = "Bought views") =>
        client.PostAsJsonAsync($"/api/seasons/{seasonId}/rounds/1/exclusions", new { videoId, from, to, reason });

    public async Task<JsonElement> FlagsAsync(string seasonId) =>
        await Seasons.Api.Reviewer.GetFromJsonAsync<JsonElement>($"/api/seasons/{seasonId}/rounds/1/flags");

    public sealed record Posted(string VideoId, string Kind, long Count, DateTimeOffset At);
}
