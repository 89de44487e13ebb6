using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Spotlight.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

[Collection(SiteCollection.Name)]
public class PublicPagesTests(SiteFixture site)
{
    private readonly SeasonScenario _seasons = new(site.Factory);
    private readonly TitleScenario _titles = new(site.Factory);

    [Fact]
    public async Task FeaturedPlaylist_AndArtistPage_ShowRealTracksAndTheVerifiedBadge()
    {
        var api = _seasons.Api;
        var (artist, artistId) = await api.CreateArtistAsync("NZ");
        var trackId = await api.SubmitTrackAsync(artist, artistId, "Kōwhai Nights");
        await api.ReviewAsync(trackId, "clear");
        Assert.Equal(HttpStatusCode.OK, (await api.Admin.PostAsync($"/api/artists/{artistId}/verification", null)).StatusCode);

        var playlist = await site.OpenAsync("/?region=NZ");
        var row = playlist.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kōwhai Nights" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByText("✓ Verified")).ToBeVisibleAsync();
        await Expect(playlist.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 track in NZ, most popular first.");
        await playlist.AssertHealthyAsync();
        await playlist.ScreenshotsAsync("playlist");

        // The track's audio address answers a second of silence, so the browser really plays it; the keyboard
        // starts it, a click pauses it.
        await playlist.Page.Context.RouteAsync("https://cdn.example/**", route => route.FulfillAsync(new() { ContentType = "audio/wav", BodyBytes = SilentAudio.Wav() }));
        await row.GetByRole(AriaRole.Button, new() { Name = "Play Kōwhai Nights" }).FocusAsync();
        await playlist.Page.Keyboard.PressAsync("Enter");
        await Infrastructure.Eventually.UntilAsync(async () => await playlist.Page.EvaluateAsync<bool>("() => { const a = document.querySelector('audio'); return !!a && !a.paused && a.currentTime > 0; }"),
            TimeSpan.FromSeconds(15), "the track playing");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Pause Kōwhai Nights" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(playlist.Page.Locator("audio")).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = "Pause Kōwhai Nights" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Play Kōwhai Nights" })).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.True(await playlist.Page.EvaluateAsync<bool>("() => document.querySelector('audio').paused"));

        await row.GetByRole(AriaRole.Link, new() { Name = "Artist NZ" }).ClickAsync();
        await Expect(playlist.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"artist\\.html\\?id={artistId}$"));
        await Expect(playlist.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Artist NZ");
        await Expect(playlist.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).GetByText("✓ Verified")).ToBeVisibleAsync();
        await Expect(playlist.Page.GetByRole(AriaRole.Cell, new() { Name = "Kōwhai Nights", Exact = true })).ToBeVisibleAsync();
        // This artist has no bio, links or awards: those parts are left out, not printed as "null".
        await Expect(playlist.Page.Locator("#content")).Not.ToContainTextAsync("null");
        await playlist.AssertFewApiRequestsAsync("artist");
        await playlist.AssertHealthyAsync();
        await playlist.ScreenshotsAsync("artist");

        // The track's own page: who made it, a play control, and what it has not got yet said in words.
        await playlist.Page.GetByRole(AriaRole.Link, new() { Name = "Kōwhai Nights" }).ClickAsync();
        await Expect(playlist.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kōwhai Nights");
        await Expect(playlist.Page.GetByRole(AriaRole.Link, new() { Name = "Artist NZ" })).ToBeVisibleAsync();
        await Expect(playlist.Page.GetByRole(AriaRole.Button, new() { Name = "Play Kōwhai Nights" })).ToBeVisibleAsync();
        await Expect(playlist.Page.Locator("#content")).ToContainTextAsync("No engagement in the last 30 days yet");
        await Expect(playlist.Page.Locator("#content")).ToContainTextAsync("The track is not entered in a season.");
        await playlist.AssertHealthyAsync();
    }

    [Fact]
    public async Task EmptyAndErrorStates_SaySoPlainly_AndSeasonsAreChosenFromAList()
    {
        var empty = await site.OpenAsync("/?region=AQ");
        await Expect(empty.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No cleared tracks in AQ yet.");
        await empty.AssertHealthyAsync();

        var missing = await site.OpenAsync("/artist.html?id=nobody-here");
        await Expect(missing.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not found. It may have been removed, or the link is wrong.");

        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var list = await site.OpenAsync("/season.html");
        await Expect(list.Page.GetByRole(AriaRole.Heading, new() { Name = "Open now" })).ToBeVisibleAsync();
        await list.Page.GetByRole(AriaRole.Link, new() { Name = "Season " + seasonId }).ClickAsync();
        await Expect(list.Page.GetByRole(AriaRole.Heading, new() { Name = "Season " + seasonId, Level = 1 })).ToBeVisibleAsync();
        await list.AssertHealthyAsync();
    }

    [Fact]
    public async Task SeasonPage_ListsRounds_AndResultsOnceARoundCloses()
    {
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId, advance: 6, winners: 5));
        foreach (var title in new[] { "Aurora", "Borealis", "Cirrus", "Dew", "Ember", "Fjord", "Gale" })
        {
            await _seasons.EnteredTrackAsync(seasonId, title);
        }

        Assert.Equal(HttpStatusCode.OK, (await _seasons.Api.Admin.PostAsync($"/api/seasons/{seasonId}/rounds/1/close", null)).StatusCode);
        var page = await site.OpenAsync($"/season.html?id={seasonId}");
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Results of round 1" })).ToBeVisibleAsync();
        var results = page.Page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Round 1: top 7 of 7" });
        await Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        await Expect(results.GetByText("Advanced")).ToHaveCountAsync(6);
        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Artist JP" })).ToHaveCountAsync(7);
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Live leaderboard" })).ToHaveCountAsync(1);
        await page.AssertHealthyAsync();
        await page.ScreenshotsAsync("season");
    }

    [Fact]
    public async Task TitleHub_ShowsWhereToWatchInTheRegion_CountsAClickThrough_AndListsLinkedVideos()
    {
        var titleId = "hub" + Guid.NewGuid().ToString("N")[..10];
        var created = await _titles.Api.Admin.PostAsJsonAsync("/api/titles", new
        {
            id = titleId,
            name = "Dune: Part Two",
            kind = "movie",
            studioId = "studio-web",
            cast = new[] { new { name = "Zendaya", role = "Chani" } },
            socials = new[] { new { platform = "Instagram", url = "https://instagram.example/dune" } },
            whereToWatch = new object[]
            {
                new { provider = "Cinema One", kind = "tickets", url = "https://tickets.example/dune", regions = new[] { "KR" } },
                new { provider = "StreamCo", kind = "stream", url = "https://stream.example/dune", regions = new[] { "US" } },
            },
            hashtags = new[] { titleId },
            minFollowers = 0,
            minViews = 0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var videoId = await _titles.Api.RegisterVideoAsync("creator-web", 10, hashtag: titleId);
        await Infrastructure.Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(titleId, "pending")).Count == 1, TitleScenario.Settling, "the pending review");
        await _titles.ApproveAsync(videoId, titleId);

        var hub = await site.OpenAsync($"/title.html?id={titleId}&region=KR");
        await Expect(hub.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dune: Part Two");
        await Expect(hub.Page.GetByRole(AriaRole.Link, new() { Name = "Tickets on Cinema One" })).ToBeVisibleAsync();
        await Expect(hub.Page.GetByRole(AriaRole.Link, new() { Name = "Stream on StreamCo" })).ToHaveCountAsync(0);
        await Expect(hub.Page.GetByText("Zendaya as Chani")).ToBeVisibleAsync();
        await Expect(hub.Page.Locator($"#related li[data-id='{videoId}']")).ToBeVisibleAsync();
        await hub.AssertFewApiRequestsAsync("title hub with a linked video");
        await hub.AssertHealthyAsync();
        await hub.ScreenshotsAsync("title-hub");

        await hub.Page.GetByRole(AriaRole.Link, new() { Name = "Tickets on Cinema One" }).ClickAsync();
        await Infrastructure.Eventually.UntilAsync(async () =>
        {
            var totals = (await _titles.Api.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/titles/{titleId}/analytics?bucket=minute")).GetProperty("totals");
            return totals.GetProperty("clicks").TryGetProperty("Cinema One", out var count) && count.GetInt64() == 1;
        }, TitleScenario.Settling, "the click-through in the title's analytics");
    }

    [Fact]
    public async Task Titles_AreFoundBySearchingTheirCast_AndOpenTheirHub()
    {
        var titleId = "web" + Guid.NewGuid().ToString("N")[..12];
        var cast = "Cast " + titleId;
        var created = await _titles.Api.Admin.PostAsJsonAsync("/api/titles", new
        {
            id = titleId,
            name = "Harbor Lights " + titleId,
            kind = "show",
            studioId = "studio-web",
            cast = new[] { new { name = cast, role = "Lead" } },
            hashtags = new[] { titleId },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var list = await site.OpenAsync("/title.html");
        await list.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Name, hashtag or cast" }).FillAsync(cast);
        await list.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await list.Page.GetByRole(AriaRole.Link, new() { Name = "Harbor Lights " + titleId }).ClickAsync();
        await Expect(list.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Harbor Lights " + titleId);
        await list.AssertHealthyAsync();

        var none = await site.OpenAsync("/title.html?query=" + Guid.NewGuid().ToString("N"));
        await Expect(none.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("No title matches");
        await none.AssertHealthyAsync();
    }

    [Fact]
    public async Task HomePage_LeadsToTheOpenSeasonOfTheVisitorsRegion_WithItsLiveTop10()
    {
        var seasonId = SeasonScenario.NewId();
        var season = System.Text.Json.JsonSerializer.SerializeToNode(SeasonScenario.TwoRounds(seasonId))!.AsObject();
        season["regions"] = new System.Text.Json.Nodes.JsonArray("FJ");
        await _seasons.CreateAsync(season);
        await _seasons.EnteredTrackAsync(seasonId, "Reef Song", region: "FJ");

        var home = await site.OpenAsync("/?region=FJ");
        var now = home.Page.GetByRole(AriaRole.Region, new() { Name = "Open season" });
        var top = now.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reef Song" });
        await Expect(top.GetByRole(AriaRole.Link, new() { Name = "Artist FJ" })).ToBeVisibleAsync();
        await Expect(now.GetByRole(AriaRole.Link, new() { Name = "Live leaderboard" })).ToBeVisibleAsync();
        // The top 10 is live: a track entered now appears without a reload.
        await _seasons.EnteredTrackAsync(seasonId, "Tide Song", region: "FJ");
        await Expect(now.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tide Song" })).ToBeVisibleAsync();
        await now.GetByRole(AriaRole.Link, new() { Name = "Season " + seasonId }).ClickAsync();
        await Expect(home.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Season " + seasonId);
        await home.AssertHealthyAsync();
    }

    [Fact]
    public async Task Leaderboard_WithoutASeason_ListsTheOpenOnes_AndOpensTheCurrentRoundByName()
    {
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var (trackId, _) = await _seasons.EnteredTrackAsync(seasonId, "Chosen Song");

        var board = await site.OpenAsync("/leaderboard.html");
        await Expect(board.Page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await board.Page.GetByRole(AriaRole.Link, new() { Name = "Season " + seasonId }).ClickAsync();
        await Expect(board.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open call · Season " + seasonId);
        var row = board.Page.Locator($"tr[data-id='{trackId}']");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Chosen Song" })).ToHaveAttributeAsync("href", $"/track.html?id={trackId}");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Play Chosen Song" })).ToBeVisibleAsync();
        await board.AssertHealthyAsync();
    }

    [Fact]
    public async Task HomePage_ShowsTheTitlesTrendingToday()
    {
        var titleId = "trend" + Guid.NewGuid().ToString("N")[..12];
        var created = await _titles.Api.Admin.PostAsJsonAsync("/api/titles", new { id = titleId, name = "Tidal Echo " + titleId, kind = "movie", studioId = "studio-web", hashtags = new[] { titleId } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // Well above what other tests give a title (visits and linked views), so that it is among the five
        // trending titles whatever ran before.
        const int visits = 2_000;
        foreach (var batch in Enumerable.Range(0, visits).Chunk(50))
        {
            var answers = await Task.WhenAll(batch.Select(_ => _titles.Api.Anonymous.GetAsync($"/api/titles/{titleId}/hub")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }

        // A hub reports to the title list every few seconds; the home page reads the list when it loads.
        var home = await site.OpenAsync("/");
        var trending = home.Page.GetByRole(AriaRole.Region, new() { Name = "Trending titles" });
        var link = trending.GetByRole(AriaRole.Link, new() { Name = "Tidal Echo " + titleId });
        var listed = "";
        try
        {
            await Infrastructure.Eventually.UntilAsync(async () =>
                {
                    await home.Page.ReloadAsync();
                    // The page draws the playlist last; until its status line says something, it is not done.
                    await Expect(home.Page.GetByRole(AriaRole.Status)).Not.ToBeEmptyAsync();
                    listed = await _titles.Api.Anonymous.GetStringAsync("/api/titles?sort=trending&limit=5");
                    return await link.IsVisibleAsync();
                },
                TitleScenario.Settling,
                "the visited title among today's trending titles");
        }
        catch (TimeoutException e)
        {
            // What the list said, to tell a title that never got there from a page that did not show it.
            throw new TimeoutException($"{e.Message} The list said: {listed}. The page's errors: {string.Join(" | ", home.Errors)}", e);
        }
        await Expect(trending.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Tidal Echo " + titleId })).ToContainTextAsync("2,000 engagements today");
        await home.AssertHealthyAsync();
    }
}
