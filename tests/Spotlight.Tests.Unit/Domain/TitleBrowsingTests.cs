using Spotlight.Domain;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Tests.Unit.Domain;

public class TitleBrowsingTests
{
    private static readonly TitleListing Harbor = new("harbor", "Moonlit Harbor", TitleKind.Movie, ["moonlitharbor"], ["Hana Mori"], 50);
    private static readonly TitleListing Market = new("market", "별빛 시장", TitleKind.Show, ["starmarket"], ["김수아"], 500);
    private static readonly TitleListing Tide = new("tide", "Tide", TitleKind.Movie, ["tide"], [], 50);

    [Theory]
    [InlineData("moonlit", "harbor")]
    [InlineData("MOONLIT HARBOR", "harbor")]
    [InlineData("#moonlitHarbor", "harbor")]
    [InlineData("hana", "harbor")]
    [InlineData("별빛", "market")]
    [InlineData("김수아", "market")]
    [InlineData("star", "market")]
    public void Query_MatchesNameHashtagOrCast(string query, string id) =>
        Assert.Equal([id], TitleBrowsing.Page([Harbor, Market, Tide], query, null, TitleOrder.Engaged, null, 10).Titles.Select(t => t.Id));

    [Fact]
    public void Titles_ComeMostEngagedFirst_ThenById_AndAKindFilters()
    {
        Assert.Equal(["market", "harbor", "tide"], TitleBrowsing.Page([Tide, Harbor, Market], null, null, TitleOrder.Engaged, null, 10).Titles.Select(t => t.Id));
        Assert.Equal(["harbor", "tide"], TitleBrowsing.Page([Tide, Harbor, Market], " ", TitleKind.Movie, TitleOrder.Engaged, null, 10).Titles.Select(t => t.Id));
    }

    [Fact]
    public void Trending_OrdersByTheLastDaysGain_NotByTheTotal()
    {
        TitleListing[] titles = [Market with { Trending = 3 }, Harbor with { Trending = 40 }, Tide];

        Assert.Equal(["harbor", "market", "tide"], TitleBrowsing.Page(titles, null, null, TitleOrder.Trending, null, 10).Titles.Select(t => t.Id));
    }

    [Theory]
    [InlineData(TitleOrder.Engaged)]
    [InlineData(TitleOrder.Trending)]
    public void Cursors_WalkEveryTitleOnce_AndTheLastPageHasNone(TitleOrder order)
    {
        TitleListing[] titles = [.. Enumerable.Range(0, 7).Select(i => new TitleListing($"t{i}", $"Title {i}", TitleKind.Movie, [], [], i % 3, Trending: 7 - (i % 4)))];
        var walked = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = TitleBrowsing.Page(titles, null, null, order, cursor, 3);
            walked.AddRange(page.Titles.Select(t => t.Id));
            (cursor, pages) = (page.NextCursor, pages + 1);
            Assert.Equal(cursor is null ? 1 : 3, page.Titles.Count);
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        var figure = (TitleListing t) => order == TitleOrder.Trending ? t.Trending : t.Engagement;
        Assert.Equal(titles.OrderByDescending(figure).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Id), walked);
    }

    [Fact]
    public void ACursor_StaysStable_WhileFiguresChangeAndTitlesArrive()
    {
        // Page one: t9 (90), t8 (80). Then t9 and t7 grow past the cursor, t6 falls, and two titles arrive: one
        // above the cursor, one below it.
        var titles = Enumerable.Range(0, 10).Select(i => new TitleListing($"t{i}", $"Title {i}", TitleKind.Movie, [], [], i * 10)).ToList();
        var first = TitleBrowsing.Page(titles, null, null, TitleOrder.Engaged, null, 2);
        Assert.Equal(["t9", "t8"], first.Titles.Select(t => t.Id));

        titles[9] = titles[9] with { Engagement = 1_000 };
        titles[7] = titles[7] with { Engagement = 500 };
        titles[6] = titles[6] with { Engagement = 5 };
        titles.Add(new TitleListing("new-high", "New high", TitleKind.Show, [], [], 999));
        titles.Add(new TitleListing("new-low", "New low", TitleKind.Show, [], [], 1));
        var rest = new List<string>();
        for (var cursor = first.NextCursor; cursor is not null;)
        {
            var page = TitleBrowsing.Page(titles, null, null, TitleOrder.Engaged, cursor, 2);
            rest.AddRange(page.Titles.Select(t => t.Id));
            cursor = page.NextCursor;
        }

        // Nothing shown twice; everything below the cursor is shown in order, the fallen t6 and the new low one
        // in their new places; what moved above the cursor (t7, new-high) is for a fresh walk.
        Assert.Equal(["t5", "t4", "t3", "t2", "t1", "t6", "new-low", "t0"], rest);
    }

    [Theory]
    [InlineData(null, "film", null, null, null, "kind")]
    [InlineData(null, null, "hot", null, null, "sort")]
    [InlineData(null, null, null, "@@@", null, "cursor")]
    [InlineData(null, null, null, "MTI", null, "cursor")]
    [InlineData(null, null, null, null, 0, "limit")]
    [InlineData(null, null, null, null, 101, "limit")]
    public void ValidateQuery_NamesTheFieldThatIsWrong(string? query, string? kind, string? sort, string? cursor, int? limit, string field) =>
        Assert.Equal([field], TitleBrowsing.ValidateQuery(query, kind, sort, cursor, limit).Errors.Select(e => e.Field));

    [Fact]
    public void ValidateQuery_TakesTheDefaults_AndACursorItWrote_ButNotForAnotherSort()
    {
        var cursor = TitleBrowsing.Page([Harbor, Market, Tide], null, null, TitleOrder.Engaged, null, 1).NextCursor;

        var (kind, order, limit, errors) = TitleBrowsing.ValidateQuery("x", "show", null, cursor, null);

        Assert.Empty(errors);
        Assert.Equal((TitleKind.Show, TitleOrder.Engaged, TitleBrowsing.DefaultLimit), (kind!.Value, order, limit));
        Assert.Equal(["cursor"], TitleBrowsing.ValidateQuery(null, null, "trending", cursor, null).Errors.Select(e => e.Field));
    }
}
