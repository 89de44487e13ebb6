using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.Tests.Api;

/// <summary>Steps the title, link and campaign tests share: a title matched by one hashtag, link reviews
/// and their decisions, reads of a video and a hub.</summary>
public sealed class TitleScenario(SpotlightApiFactory factory)
{
    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);

    public ApiScenario Api { get; } = new(factory);

    /// <summary>Creates a title (as an admin, for <paramref name="studioId"/>) matched by one hashtag.</summary>
    public async Task<(string TitleId, string Tag)> CreateTitleAsync(long minViews, string? tag = null, string studioId = "studio-l", string? provider = null)
    {
        var titleId = "l" + Guid.NewGuid().ToString("N")[..16];
        tag ??= "tag" + titleId;
        var whereToWatch = provider is null ? [] : new[] { new { provider, kind = "stream", url = "https://stream.example/title", regions = new[] { "KR" } } };
        var title = new { id = titleId, name = "Linked", kind = "movie", studioId, whereToWatch, hashtags = new[] { tag }, minFollowers = 0, minViews };
        Assert.Equal(HttpStatusCode.Created, (await Api.Admin.PostAsJsonAsync("/api/titles", title)).StatusCode);
        return (titleId, tag);
    }

    public Task<HttpResponseMessage> DecideAsync(string videoId, string titleId, string decision, string? reason = null) =>
        Api.Reviewer.PostAsJsonAsync("/api/reviews/links", new { videoId, titleId, decision, reason });

    public async Task ApproveAsync(string videoId, string titleId)
    {
        var response = await DecideAsync(videoId, titleId, "approve");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> VideoAsync(string videoId) => await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}");

    public async Task<string?> AnchorLinkAsync(string videoId) => (await VideoAsync(videoId)).GetProperty("anchorLink").GetString();

    public async Task<List<JsonElement>> ReviewsAsync(string titleId, string status) =>
        [.. (await Api.Reviewer.GetFromJsonAsync<JsonElement>($"/api/reviews/links?status={status}&titleId={titleId}&limit=200")).EnumerateArray()];

    public async Task<List<string>> RelatedAsync(string titleId) =>
        [.. (await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/hub")).GetProperty("relatedVideos").EnumerateArray().Select(v => v.GetProperty("videoId").GetString()!)];

    /// <summary>Posts one batch of <paramref name="count"/> views of a video.</summary>
    public async Task ViewAsync(string videoId, int count)
    {
        var response = await Api.Ingest.PostAsJsonAsync("/api/engagement", new { batchId = Guid.NewGuid().ToString("N"), events = new[] { new { videoId, kind = "view", count } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
