using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;
using static Spotlight.Tests.Api.RoundReviewScenario;

namespace Spotlight.Tests.Api;

/// <summary>
/// A round's integrity review over HTTP: flags find the planted cases of a seeded round and not its organic
/// ones; an exclusion ranks the round again at once exactly as a brute force over the posted events says, keeps
/// later events in its range out, and is refused by field, by role and on a closed round.
/// </summary>
public class RoundReviewApiTests(DevelopmentApiFactory factory, ITestOutputHelper output) : IClassFixture<DevelopmentApiFactory>
{
    private readonly RoundReviewScenario _round = new(factory);

    [Fact]
    public async Task AnExclusion_RanksTheRoundAgainAtOnce_ExactlyAsBruteForceSays_AndLaterEventsInItsRangeStayOut()
    {
        var seasonId = await _round.SeasonAsync(openedHoursAgo: 3);
        var opens = SeasonScenario.ThisMinute.AddHours(-3);
        var closes = SeasonScenario.ThisMinute.AddMinutes(60);
        var tracks = new List<string>();
        foreach (var title in new[] { "Harbour Lights", "Paper Moon", "Night Ferry" })
        {
            tracks.Add((await _round.Seasons.EnteredTrackAsync(seasonId, title)).TrackId);
        }

        // Two videos on the first track, one on each other; events across the window and an hour before it.
        var trackOf = new Dictionary<string, string>();
        foreach (var track in new[] { tracks[0], tracks[0], tracks[1], tracks[2] })
        {
            trackOf[await _round.VideoAsync("creator-" + trackOf.Count, track)] = track;
        }

        var videos = trackOf.Keys.ToList();
        var random = new Random(4242);
        string[] kinds = ["view", "view", "view", "like", "comment", "share"];
        Posted Random(string video, DateTimeOffset from, int minutes) =>
            new(video, kinds[random.Next(kinds.Length)], random.Next(1, 30), from.AddSeconds(random.Next(minutes * 60)));
        // The first track's bought views lead it: excluding them must drop it below the others.
        var boughtFrom = SeasonScenario.ThisMinute.AddMinutes(-100);
        var bought = Enumerable.Range(0, 40).Select(i => new Posted(videos[0], "view", 200, boughtFrom.AddSeconds(i * 45)));
        var organic = videos.SelectMany(v => Enumerable.Range(0, trackOf[v] == tracks[0] ? 40 : 150).Select(_ => Random(v, opens.AddHours(-1), 240)));
        await _round.PostAsync([.. organic, .. bought]);

        var before = _round.BruteForce(trackOf, opens, closes, []);
        Dictionary<string, long> seen = [];
        await Eventually.UntilAsync(async () => DictionaryEquals(seen = (await _round.BoardAsync(seasonId)).Popularity, before), TitleScenario.Settling,
            () => $"the posted engagement on the leaderboard: {string.Join(", ", before)} (on the board: {string.Join(", ", seen)})");
        Assert.Equal(tracks[0], (await _round.BoardAsync(seasonId)).Order[0]);

        // The exclusion covers the bought views; the answer comes once the round has ranked again.
        var excluded = new List<(string, DateTimeOffset, DateTimeOffset)> { (videos[0], boughtFrom, boughtFrom.AddMinutes(31)) };
        var response = await _round.ExcludeAsync(_round.Seasons.Api.Reviewer, seasonId, videos[0], boughtFrom, boughtFrom.AddMinutes(31));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var recorded = await ApiScenario.JsonAsync(response);
        Assert.Equal(videos[0], recorded.GetProperty("videoId").GetString());
        Assert.Equal(tracks[0], recorded.GetProperty("trackId").GetString());
        Assert.Equal("reviewer-1", recorded.GetProperty("excludedBy").GetString());
        Assert.Equal("Bought views", recorded.GetProperty("reason").GetString());

        var after = _round.BruteForce(trackOf, opens, closes, excluded);
        var board = await _round.BoardAsync(seasonId);
        Assert.Equal(after, board.Popularity);
        Assert.Equal([.. after.OrderByDescending(p => p.Value).Select(p => p.Key)], board.Order);
        Assert.NotEqual(tracks[0], board.Order[0]);
        output.WriteLine($"First track's popularity {before[tracks[0]]} → {after[tracks[0]]}; the order is now {string.Join(", ", board.Order.Select(t => tracks.IndexOf(t)))}.");

        // Late events inside the range count for nothing; those outside it count as usual, on every video.
        await _round.PostAsync([.. Enumerable.Range(0, 30).Select(i => new Posted(videos[0], "view", 7, boughtFrom.AddMinutes(i))), .. videos.Select(v => Random(v, opens, 170))]);
        var late = _round.BruteForce(trackOf, opens, closes, excluded);
        await Eventually.UntilAsync(async () => DictionaryEquals((await _round.BoardAsync(seasonId)).Popularity, late), TitleScenario.Settling, "the late events on the leaderboard");

        // The exclusion is listed with the flags, and is on the audit trail.
        var flags = await _round.FlagsAsync(seasonId);
        var listed = Assert.Single(flags.GetProperty("exclusions").EnumerateArray());
        Assert.Equal(boughtFrom, listed.GetProperty("from").GetDateTimeOffset());
        var audit = await _round.Seasons.Api.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity={seasonId}/1");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), r => r.GetProperty("action").GetString() == "round.exclusion" && r.GetProperty("reason").GetString() == "Bought views");

        // Closed, the round's results never change: another exclusion is refused.
        Assert.Equal(HttpStatusCode.OK, (await _round.Seasons.Api.Admin.PostAsync($"/api/seasons/{seasonId}/rounds/1/close", null)).StatusCode);
        var results = await _round.Seasons.Api.Anonymous.GetStringAsync($"/api/seasons/{seasonId}/rounds/1/results");
        var refused = await _round.ExcludeAsync(_round.Seasons.Api.Reviewer, seasonId, videos[2], opens, closes);
        await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(results, await _round.Seasons.Api.Anonymous.GetStringAsync($"/api/seasons/{seasonId}/rounds/1/results"));
    }

    [Fact]
    public async Task Flags_FindThePlantedCasesOfASeededRound_AndNotItsOrganicOnes()
    {
        var seasonId = await _round.SeasonAsync(openedHoursAgo: 8);
        var start = SeasonScenario.ThisMinute.AddHours(-7);
        var track = (await _round.Seasons.EnteredTrackAsync(seasonId, "Seeded Song")).TrackId;
        var random = new Random(1204);
        var events = new List<Posted>();

        // Twelve ordinary videos: 10–30 views every ten minutes for seven hours, a like per ten views or so.
        var ordinary = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var video = await _round.VideoAsync($"creator-ordinary-{i}", track);
            ordinary.Add(video);
            events.AddRange(Slots(42).SelectMany(s => Ordinary(video, start.AddMinutes(10 * s), random)));
        }

        // A slow organic rise: views grow steadily to about 500 per ten minutes, with the usual likes.
        var rise = await _round.VideoAsync("creator-rise", track);
        foreach (var s in Slots(42))
        {
            var views = 5 + (12 * s);
            events.Add(new Posted(rise, "view", views, start.AddMinutes((10 * s) + 3)));
            events.Add(new Posted(rise, "like", Math.Max(1, views / 9), start.AddMinutes((10 * s) + 4)));
        }

        // A bot-like burst: an ordinary six hours, then 900 views in ten minutes with two likes.
        var burst = await _round.VideoAsync("creator-burst", track);
        events.AddRange(Slots(36).SelectMany(s => Ordinary(burst, start.AddMinutes(10 * s), random)));
        var burstAt = start.AddMinutes(360);
        events.AddRange(Enumerable.Range(0, 10).Select(m => new Posted(burst, "view", 90, burstAt.AddMinutes(m))));
        events.Add(new Posted(burst, "like", 2, burstAt.AddMinutes(5)));

        // Packed: 1,200 views in five minutes and nothing else.
        var packed = await _round.VideoAsync("creator-packed", track);
        events.AddRange(Enumerable.Range(0, 5).Select(m => new Posted(packed, "view", 240, start.AddMinutes(200 + m))));

        // An ordinary video whose creator has a policy violation on record.
        var violator = await _round.VideoAsync("creator-violator", track);
        events.AddRange(Slots(42).SelectMany(s => Ordinary(violator, start.AddMinutes(10 * s), random)));
        Assert.Equal(HttpStatusCode.OK, (await _round.Seasons.Api.Reviewer.PostAsJsonAsync("/api/creators/creator-violator/policy", new { status = "violation", reason = "Bought followers" })).StatusCode);

        await _round.PostAsync(events);
        var total = events.Sum(e => e.Kind == "view" ? e.Count : 0);
        var expected = _round.BruteForce(_round.Events.Select(e => e.VideoId).Distinct().ToDictionary(v => v, _ => track), start.AddHours(-1), start.AddHours(9), [])[track];
        await Eventually.UntilAsync(async () => (await _round.BoardAsync(seasonId)).Popularity[track] == expected, TitleScenario.Settling, $"the seeded round's {total:N0} views applied");

        var flags = await _round.FlagsAsync(seasonId);
        Assert.Equal(16, flags.GetProperty("videosJudged").GetInt32());
        var found = flags.GetProperty("flags").EnumerateArray().Select(f => (Video: f.GetProperty("videoId").GetString()!, Reason: f.GetProperty("reason").GetString()!)).ToList();
        (string, string)[] planted = [(burst, "rate-jump"), (packed, "concentrated"), (violator, "creator-violation")];
        var hits = found.Intersect(planted).Count();
        output.WriteLine($"Seeded round: 16 videos, {planted.Length} planted; {found.Count} flags, {hits} of them planted: precision {100.0 * hits / Math.Max(1, found.Count):0} %, recall {100.0 * hits / planted.Length:0} %.");
        Assert.Equal(planted.Order(), found.Order());
        Assert.DoesNotContain(found, f => f.Video == rise);

        // The burst's flag spans the burst and says why; excluding that span marks it excluded.
        var jump = flags.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("videoId").GetString() == burst);
        var (from, to) = (jump.GetProperty("from").GetDateTimeOffset(), jump.GetProperty("to").GetDateTimeOffset());
        Assert.True(from < burstAt.AddMinutes(10) && to > burstAt, $"{from:HH:mm}–{to:HH:mm} against the burst at {burstAt:HH:mm}");
        Assert.Contains("views in 10 min", jump.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("Seeded Song", jump.GetProperty("trackTitle").GetString());
        Assert.False(jump.GetProperty("excluded").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await _round.ExcludeAsync(_round.Seasons.Api.Reviewer, seasonId, burst, from, to)).StatusCode);
        Assert.True((await _round.FlagsAsync(seasonId)).GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("videoId").GetString() == burst).GetProperty("excluded").GetBoolean());
    }

    [Fact]
    public async Task Exclusions_AreRefusedByField_ByRole_AndForVideosOutsideTheRound()
    {
        var seasonId = await _round.SeasonAsync(openedHoursAgo: 1);
        var (track, _) = await _round.Seasons.EnteredTrackAsync(seasonId, "Refused Song");
        var video = await _round.Seasons.Api.RegisterVideoAsync("creator-r", 10, track);
        var noTrack = await _round.Seasons.Api.RegisterVideoAsync("creator-r", 10);
        var from = SeasonScenario.ThisMinute.AddMinutes(-30);
        var reviewer = _round.Seasons.Api.Reviewer;
        var path = $"/api/seasons/{seasonId}/rounds/1/exclusions";

        async Task RefusedAsync(object body, string field) =>
            await ProblemAssertions.AssertFieldErrorsAsync(await reviewer.PostAsJsonAsync(path, body), field);

        await RefusedAsync(new { from, to = from.AddMinutes(5), reason = "x" }, "videoId");
        await RefusedAsync(new { videoId = "no such/id", from, to = from.AddMinutes(5), reason = "x" }, "videoId");
        await RefusedAsync(new { videoId = video, from = from.AddSeconds(30), to = from.AddMinutes(5), reason = "x" }, "from");
        await RefusedAsync(new { videoId = video, from, reason = "x" }, "to");
        await RefusedAsync(new { videoId = video, from, to = from, reason = "x" }, "to");
        await RefusedAsync(new { videoId = video, from, to = from.AddDays(40), reason = "x" }, "to");
        await RefusedAsync(new { videoId = video, from, to = from.AddMinutes(5), reason = "  " }, "reason");
        await RefusedAsync(new { videoId = "unknown-video", from, to = from.AddMinutes(5), reason = "x" }, "videoId");
        await RefusedAsync(new { videoId = noTrack, from, to = from.AddMinutes(5), reason = "x" }, "videoId");
        await RefusedAsync(new { videoId = video, from = from.AddDays(-3), to = from.AddDays(-2), reason = "x" }, "from");

        var (otherTrack, _) = await _round.Seasons.EnteredTrackAsync(await _round.SeasonAsync(openedHoursAgo: 1), "Elsewhere");
        await RefusedAsync(new { videoId = await _round.Seasons.Api.RegisterVideoAsync("creator-r", 10, otherTrack), from, to = from.AddMinutes(5), reason = "x" }, "videoId");

        var body = new { videoId = video, from, to = from.AddMinutes(5), reason = "x" };
        foreach (var role in new[] { Roles.Artist, Roles.Judge, Roles.Studio, Roles.Partner })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor("someone", role).PostAsJsonAsync(path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor("someone", role).GetAsync($"/api/seasons/{seasonId}/rounds/1/flags")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await _round.Seasons.Api.Anonymous.PostAsJsonAsync(path, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"/api/seasons/{seasonId}/rounds/9/exclusions", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/seasons/nope-{seasonId}/rounds/1/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _round.Seasons.Api.Admin.PostAsJsonAsync(path, body)).StatusCode);
    }

    private static IEnumerable<int> Slots(int count) => Enumerable.Range(0, count);

    private static IEnumerable<Posted> Ordinary(string video, DateTimeOffset slot, Random random)
    {
        var views = random.Next(10, 31);
        yield return new Posted(video, "view", views, slot.AddMinutes(random.Next(10)));
        yield return new Posted(video, "like", Math.Max(1, (views / 10) + random.Next(-1, 2)), slot.AddMinutes(random.Next(10)));
        if (random.Next(3) == 0)
        {
            yield return new Posted(video, "comment", 1, slot.AddMinutes(random.Next(10)));
        }
    }

    private static bool DictionaryEquals(Dictionary<string, long> actual, Dictionary<string, long> expected) =>
        actual.Count == expected.Count && expected.All(p => actual.GetValueOrDefault(p.Key, -1) == p.Value);
}
