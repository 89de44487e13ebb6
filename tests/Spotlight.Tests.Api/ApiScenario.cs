using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

/// <summary>Steps that many tests share: an artist with a profile, a submitted track, a review.</summary>
public sealed class ApiScenario(SpotlightApiFactory factory)
{
    public HttpClient Anonymous { get; } = factory.CreateClient();

    public HttpClient Reviewer { get; } = factory.ClientFor("reviewer-1", Roles.Reviewer);

    public HttpClient Admin { get; } = factory.ClientFor("admin-1", Roles.Admin);

    public HttpClient Ingest { get; } = factory.ClientFor("ingest-service", Roles.Ingest);

    public static object Track(string title = "Original Song", string? seasonId = null) =>
        new { title, audioUrl = "https://cdn.example/song.mp3", durationSeconds = 185, originalWork = true, seasonId };

    public async Task<(HttpClient Client, string ArtistId)> CreateArtistAsync(string region = "JP", string? contactEmail = null, string? displayName = null)
    {
        var client = factory.ClientFor("artist-" + Guid.NewGuid().ToString("N")[..8], Roles.Artist);
        var response = await client.PostAsJsonAsync("/api/artists", new { displayName = displayName ?? "Artist " + region, region, contactEmail });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, await IdOfAsync(response));
    }

    public async Task<string> SubmitTrackAsync(HttpClient artist, string artistId, string title = "Original Song", string? seasonId = null)
    {
        var response = await artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks", Track(title, seasonId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await IdOfAsync(response);
    }

    public async Task<JsonElement> ReviewAsync(string trackId, string decision, string? reason = null)
    {
        var response = await Reviewer.PostAsJsonAsync($"/api/tracks/{trackId}/review", new { decision, reason });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Registers a video through the ingest service and returns its new id.</summary>
    public async Task<string> RegisterVideoAsync(string creatorId, long followers, string? trackId = null, string? hashtag = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await Ingest.PostAsJsonAsync("/api/videos", new
        {
            id,
            creatorId,
            creatorFollowers = followers,
            trackId,
            hashtags = hashtag is null ? [] : new[] { hashtag },
            caption = "",
            visualTags = Array.Empty<string>(),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    public async Task<IReadOnlyList<string>> PlaylistAsync(string region, int limit = 200)
    {
        var playlist = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/playlists/featured?region={region}&limit={limit}");
        return [.. playlist.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("trackId").GetString()!)];
    }

    public async Task<IReadOnlyList<string>> QueueAsync()
    {
        var queue = await Reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/tracks?limit=200");
        return [.. queue.EnumerateArray().Select(t => t.GetProperty("trackId").GetString()!)];
    }

    public static async Task<string> IdOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
