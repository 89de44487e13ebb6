using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Api;

namespace Spotlight.Tests.Browser;

[Collection(SiteCollection.Name)]
public class ProbeTests(SiteFixture site)
{
    [Fact]
    public async Task Probe()
    {
        var seasons = new SeasonScenario(site.Factory);
        var seasonId = SeasonScenario.NewId();
        await seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var (trackId, _) = await seasons.EnteredTrackAsync(seasonId, "Probe song");
        string[] pages = ["/", "/?region=JP", "/season.html", $"/season.html?id={seasonId}", "/leaderboard.html", $"/leaderboard.html?season={seasonId}", $"/leaderboard.html?season={seasonId}&round=1", "/title.html", "/title.html?query=x",
            $"/track.html?id={trackId}", "/artist.html", "/judge.html", "/shortlist.html", "/video.html", "/signin.html"];
        foreach (var path in pages)
        {
            var page = await site.OpenAsync(path);
            Console.WriteLine($"PROBE {path}: {string.Join(", ", await page.ApiRequestsOfThisViewAsync())}");
        }
        foreach (var (path, role) in new[] { ("/review-tracks.html", Roles.Reviewer), ("/review-links.html", Roles.Reviewer), ("/studio.html", Roles.Admin), ("/judge.html", Roles.Judge), ("/shortlist.html", Roles.Partner) })
        {
            var page = await site.OpenAsync(path, "probe-1", [role]);
            Console.WriteLine($"PROBE {path} as {role}: {string.Join(", ", await page.ApiRequestsOfThisViewAsync())}");
        }
    }
}
