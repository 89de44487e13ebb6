using System.Net;
using System.Net.Http.Json;
using System.Text;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>
/// Real resources for the authorization matrix's refused calls: a season with an entered track, an artist
/// with a track waiting for review, a title of a studio with a video waiting for its link review, and ids
/// that refused creations would have used. A snapshot reads everything those calls could change.
/// </summary>
public sealed class MatrixScenario
{
    public const string StudioId = "studio-matrix";

    private MatrixScenario(ApiScenario api) => Api = api;

    public ApiScenario Api { get; }

    public string SeasonId { get; } = SeasonScenario.NewId();

    public string NewSeasonId { get; } = SeasonScenario.NewId();

    public string NewTitleId { get; } = "n" + Guid.NewGuid().ToString("N")[..16];

    public string NewVideoId { get; } = Guid.NewGuid().ToString("N");

    public string CreatorId { get; } = "creator-" + Guid.NewGuid().ToString("N")[..8];

    public string ArtistId { get; private set; } = "";

    public string EnteredTrackId { get; private set; } = "";

    /// <summary>A video of the entered track: an exclusion's subject.</summary>
    public string EnteredVideoId { get; private set; } = "";

    public string SubmittedTrackId { get; private set; } = "";

    public string TitleId { get; private set; } = "";

    public string VideoId { get; private set; } = "";

    public static async Task<MatrixScenario> CreateAsync(SpotlightApiFactory factory)
    {
        var seasons = new SeasonScenario(factory);
        var scenario = new MatrixScenario(seasons.Api);
        await seasons.CreateAsync(SeasonScenario.TwoRounds(scenario.SeasonId, partners: ["refused-partner"]));
        (scenario.EnteredTrackId, _) = await seasons.EnteredTrackAsync(scenario.SeasonId, "Entered");
        scenario.EnteredVideoId = await scenario.Api.RegisterVideoAsync(scenario.CreatorId, 10, scenario.EnteredTrackId);
        var (artist, artistId) = await scenario.Api.CreateArtistAsync("JP");
        scenario.ArtistId = artistId;
        scenario.SubmittedTrackId = await scenario.Api.SubmitTrackAsync(artist, artistId, "Waiting");
        var (titleId, tag) = await new TitleScenario(factory).CreateTitleAsync(minViews: 0, studioId: StudioId, provider: "StreamCo");
        scenario.TitleId = titleId;
        scenario.VideoId = await scenario.Api.RegisterVideoAsync(scenario.CreatorId, 5000, hashtag: tag);
        return scenario;
    }

    public object Batch(string batchId) => new { batchId, events = new[] { new { videoId = VideoId, kind = "view" } } };

    /// <summary>What the refused calls could change, read by an admin (and the public playlist).</summary>
    public async Task<string> SnapshotAsync()
    {
        string[] reads =
        [
            $"/api/artists/{ArtistId}", $"/api/tracks/{EnteredTrackId}", $"/api/tracks/{SubmittedTrackId}",
            $"/api/seasons/{SeasonId}", $"/api/seasons/{SeasonId}/rounds/1/leaderboard", $"/api/seasons/{SeasonId}/rounds/1/flags", $"/api/titles/{TitleId}",
            $"/api/titles/{TitleId}/campaigns", $"/api/titles/{TitleId}/alerts", $"/api/videos/{VideoId}", $"/api/reviews/links?titleId={TitleId}&status=pending",
            $"/api/reviews/links?titleId={TitleId}&status=approved", "/api/reviews/tracks?limit=200",
            $"/api/creators/{CreatorId}/rewards", $"/api/studios/{StudioId}/titles", "/api/playlists/featured?region=JP",
        ];
        var snapshot = new StringBuilder();
        foreach (var read in reads)
        {
            snapshot.Append(read).Append(" → ").AppendLine(await Api.Admin.GetStringAsync(read));
        }

        return snapshot.ToString();
    }

    /// <summary>A snapshot once the set-up's own follow-up work (the video's link review) has landed and two
    /// reads in a row agree.</summary>
    public async Task<string> SettledSnapshotAsync()
    {
        var previous = "";
        var current = "";
        await Eventually.UntilAsync(
            async () =>
            {
                (previous, current) = (current, await SnapshotAsync());
                var pending = await Api.Admin.GetStringAsync($"/api/reviews/links?titleId={TitleId}&status=pending");
                return previous == current && pending.Contains(VideoId, StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(30),
            "the matrix scenario to settle with the video's link review pending",
            poll: TimeSpan.FromMilliseconds(200));
        return current;
    }

    public async Task AssertNothingCreatedAsync()
    {
        foreach (var read in new[] { $"/api/seasons/{NewSeasonId}", $"/api/titles/{NewTitleId}", $"/api/videos/{NewVideoId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Api.Admin.GetAsync(read)).StatusCode);
        }
    }
}
