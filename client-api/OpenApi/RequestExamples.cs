namespace Spotlight.ClientApi.OpenApi;

/// <summary>
/// An example request for every operation, by operation id: the values of its path and query parameters and
/// its JSON body. Together they tell one story (a season; an artist, her track and its clearance; a studio's
/// title; a fan video that uses the track and tags the title; its engagement, link review, analytics and
/// campaign reward), so docs/api.md can show them in order and <c>RequestExampleApiTests</c> can send every
/// one of them, as written, to a fresh system. An example the API refuses fails that test.
/// </summary>
public static class RequestExamples
{
    // The server makes artist and track ids (time-ordered, 32 hex digits); these stand in for them, and the
    // test puts the ids the server made in their place.
    public const string ArtistId = "0193e5a1c2b47d6e8f90a1b2c3d4e5f6";
    public const string TrackId = "0193e5a1d7f07c3a9b1e2d4f6a8c0e12";

    // Ids the caller chooses.
    public const string SeasonId = "spring-2030";
    public const string TitleId = "moonlit-harbor";
    public const string StudioId = "studio-harbor";
    public const string VideoId = "kai-moonlit-01";
    public const string CampaignId = "moonlit-launch";
    public const string BatchId = "feed-20300305-0001";

    // People the bodies name, so that the test can call as them.
    public const string Judge = "kim-judge";
    public const string Partner = "label-north";
    public const string Creator = "kai";

    /// <summary>Shared with the batch schema's own example (the converter reading it hides its shape).</summary>
    public const string EngagementBatch = $$"""
        {"batchId":"{{BatchId}}","events":[
          {"videoId":"{{VideoId}}","kind":"view","count":120},
          {"videoId":"{{VideoId}}","kind":"like","count":9},
          {"videoId":"{{VideoId}}","kind":"share","count":2},
          {"videoId":"{{VideoId}}","kind":"comment"}]}
        """;

    /// <summary>One operation's example: parameter values by name (strings or numbers) and the body, if any.</summary>
    public sealed record Example(IReadOnlyDictionary<string, object> Parameters, string? Body = null);

    private static Example With(string? body = null, params (string Name, object Value)[] parameters) =>
        new(parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), body);

    private static Example Id(string id, string? body = null) => With(body, ("id", id));

    private static Example Round(params (string Name, object Value)[] more) => With(null, [("id", SeasonId), ("n", 1), .. more]);

    // Season windows lie in the future because a season whose rounds have closed cannot be created; move
    // them on before spring 2030, when the test will start to fail on them.
    public static readonly IReadOnlyDictionary<string, Example> ByOperation = new Dictionary<string, Example>(StringComparer.Ordinal)
    {
        ["devTokenMint"] = With($$"""{"sub":"sam","roles":["studio"],"studioId":"{{StudioId}}"}"""),
        ["retainedMemoryProbeMeasure"] = With(),

        ["artistCreate"] = With("""
            {"displayName":"Aiko","region":"JP","bio":"Piano-pop songwriter from Yokohama.",
             "links":["https://aiko.example/music"],"contactEmail":"aiko@example.com"}
            """),
        ["artistGet"] = Id(ArtistId),
        ["artistVerify"] = Id(ArtistId),
        ["artistSubmitTrack"] = Id(ArtistId, $$"""
            {"title":"Harbor Lights","audioUrl":"https://cdn.example/aiko/harbor-lights.mp3","durationSeconds":185,
             "originalWork":true,"seasonId":"{{SeasonId}}"}
            """),

        ["artistInsightsGet"] = With(null, ("id", ArtistId), ("from", "2026-11-01"), ("to", "2026-11-30")),
        ["onNowGet"] = With(null, ("region", "JP")),
        ["auditRead"] = With(null, ("entity", TrackId), ("limit", 50)),

        ["trackGet"] = Id(TrackId),
        ["trackGetHistory"] = With(null, ("id", TrackId), ("days", 30)),
        ["trackReview"] = Id(TrackId, """{"decision":"clear"}"""),
        ["trackGetQueue"] = With(null, ("limit", 50)),
        ["playlistGetFeatured"] = With(null, ("region", "JP"), ("limit", 50)),

        ["seasonList"] = With(null, ("state", "upcoming"), ("region", "JP")),
        ["seasonCreate"] = With($$"""
            {"id":"{{SeasonId}}","name":"Spring Spotlight 2030","regions":["JP","KR"],"partners":["{{Partner}}"],"winners":5,
             "rounds":[
               {"name":"Open call","opensAt":"2030-03-04T00:00:00Z","closesAt":"2030-03-25T00:00:00Z","advance":100},
               {"name":"Top 100","opensAt":"2030-03-25T00:00:00Z","closesAt":"2030-04-08T00:00:00Z","advance":18,
                "popularityWeight":0.4,"judgeWeight":0.6},
               {"name":"Final","opensAt":"2030-04-08T00:00:00Z","closesAt":"2030-04-15T00:00:00Z",
                "popularityWeight":0.3,"judgeWeight":0.7}],
             "prizes":[
               {"fromRank":1,"toRank":1,"description":"A single produced with a partner label"},
               {"fromRank":2,"toRank":5,"description":"A day in a recording studio"}]}
            """),
        ["seasonGet"] = Id(SeasonId),
        ["seasonAddJudge"] = Id(SeasonId, $$"""{"userId":"{{Judge}}"}"""),
        ["seasonScore"] = With($$"""{"trackId":"{{TrackId}}","score":8}""", ("id", SeasonId), ("n", 1)),
        ["seasonGetOwnScores"] = Round(),
        ["seasonGetLeaderboard"] = Round(("top", 10), ("around", TrackId), ("neighbours", 2)),
        ["seasonWatchLeaderboard"] = Round(("top", 10)),
        ["roundReviewGetFlags"] = Round(),
        ["roundReviewExclude"] = With($$"""
            {"videoId":"{{VideoId}}","from":"2030-03-10T21:00:00Z","to":"2030-03-10T21:30:00Z",
             "reason":"Views from one network in a half-hour burst with no likes or comments"}
            """, ("id", SeasonId), ("n", 1)),
        ["seasonClose"] = Round(),
        ["seasonGetResults"] = Round(),
        ["seasonGetShortlist"] = With(null, ("id", SeasonId), ("top", 18)),

        ["videoRegister"] = With($$"""
            {"id":"{{VideoId}}","creatorId":"{{Creator}}","creatorFollowers":5200,"trackId":"{{TrackId}}",
             "hashtags":["MoonlitHarbor","nightwalk"],"caption":"Night walk to the lighthouse, Harbor Lights playing",
             "visualTags":["lighthouse","night"]}
            """),
        ["videoGet"] = Id(VideoId),
        ["videoSetPolicy"] = Id(VideoId, """{"status":"violation","reason":"Uses footage the creator does not own."}"""),
        ["engagementIngest"] = With(EngagementBatch),

        ["titleSearch"] = With(null, ("query", "moonlit"), ("kind", "movie"), ("sort", "trending"), ("limit", 20)),
        ["titleCreate"] = With($$"""
            {"id":"{{TitleId}}","name":"Moonlit Harbor","kind":"movie","studioId":"{{StudioId}}",
             "cast":[{"name":"Mina Sato","role":"Harbor pilot"}],
             "socials":[{"platform":"instagram","url":"https://social.example/moonlitharbor"}],
             "whereToWatch":[
               {"provider":"Harbor Cinemas","kind":"tickets","url":"https://cinema.example/moonlit-harbor","regions":["JP","KR"]},
               {"provider":"StreamBox","kind":"stream","url":"https://stream.example/moonlit-harbor","regions":["JP"]}],
             "hashtags":["moonlitharbor"],"keywords":["moonlit harbor"],"visualTags":["lighthouse"],
             "minFollowers":1000,"minViews":100}
            """),
        ["titleGet"] = Id(TitleId),
        ["titleGetHub"] = With(null, ("id", TitleId), ("region", "JP")),
        ["titleClick"] = Id(TitleId, """{"target":"Harbor Cinemas"}"""),
        ["titleAnalyticsGet"] = With(null, ("id", TitleId), ("from", "2030-03-05T00:00:00Z"), ("to", "2030-03-06T00:00:00Z"), ("bucket", "hour"), ("top", 10)),
        ["studioListTitles"] = Id(StudioId),

        ["linkReviewList"] = With(null, ("status", "pending"), ("titleId", TitleId), ("limit", 50)),
        ["linkReviewDecide"] = With($$"""{"videoId":"{{VideoId}}","titleId":"{{TitleId}}","decision":"approve"}"""),

        ["campaignCreate"] = Id(TitleId, $$"""
            {"id":"{{CampaignId}}","name":"Moonlit Harbor launch","minLinkedViews":100,
             "rewards":[
               {"kind":"frame","description":"Moonlit Harbor profile frame","quantity":500},
               {"kind":"tickets","description":"Two premiere tickets","quantity":20}]}
            """),
        ["campaignList"] = Id(TitleId),
        ["titleAlertAdd"] = Id(TitleId, """{"id":"harbor-surge","kind":"engagement-rate","threshold":5000,"window":60}"""),
        ["titleAlertList"] = Id(TitleId),
        ["titleAlertListFired"] = With(null, ("id", TitleId), ("limit", 20)),
        ["titleAlertWatchFired"] = Id(TitleId),

        ["creatorSetPolicy"] = Id(Creator, """{"status":"ok","reason":"Appeal upheld: the footage was licensed."}"""),
        ["creatorGetRewards"] = Id(Creator),
    };
}
