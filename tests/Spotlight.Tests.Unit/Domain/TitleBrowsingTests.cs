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
