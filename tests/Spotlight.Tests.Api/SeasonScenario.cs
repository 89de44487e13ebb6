using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

/// <summary>Seasons for API tests: windows on whole minutes around now, entries made through the API.</summary>
public sealed class SeasonScenario(SpotlightApiFactory factory)
{
    public ApiScenario Api { get; } = new(factory);

    public static DateTimeOffset ThisMinute
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        }
    }

    public static string NewId() => "s" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Round 1 open now (for an hour), then a final an hour later.</summary>
    public static object TwoRounds(string id, int advance = 6, int winners = 5, string[]? partners = null, object[]? prizes = null) => new
    {
        id,
        name = "Season " + id,
        regions = new[] { "JP" },
        partners = partners ?? [],
        rounds = new object[]
        {
            new { name = "Open call", opensAt = ThisMinute.AddMinutes(-10), closesAt = ThisMinute.AddMinutes(60), advance },
            new { opensAt = ThisMinute.AddMinutes(120), closesAt = ThisMinute.AddMinutes(180) },
        },
        winners,
        prizes = prizes ?? [],
    };

    public async Task CreateAsync(object season)
    {
        var response = await Api.Admin.PostAsJsonAsync("/api/seasons", season);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An artist's track that names the season, cleared (and so entered); a JP artist called "Artist JP"
    /// unless said otherwise.</summary>
    public async Task<(string TrackId, string ArtistId)> EnteredTrackAsync(string seasonId, string title, string region = "JP", string? artistName = null)
    {
        var (artist, artistId) = await Api.CreateArtistAsync(region, contactEmail: $"{title.Replace(' ', '.')}@artists.example", artistName);
        var response = await artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks", new
        {
            title,
            audioUrl = "https://cdn.example/song.mp3",
            durationSeconds = 120,
            originalWork = true,
            seasonId,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var trackId = await ApiScenario.IdOfAsync(response);
        await Api.ReviewAsync(trackId, "clear");
        return (trackId, artistId);
    }

    public async Task<JsonElement> LeaderboardAsync(string seasonId, int round, string query = "") =>
        await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/seasons/{seasonId}/rounds/{round}/leaderboard{query}");

    public static IReadOnlyList<string> TrackIds(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => r.GetProperty("trackId").GetString()!)];

    public HttpClient Judge(string userId) => factory.ClientFor(userId, Roles.Judge);
}
