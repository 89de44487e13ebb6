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
        Assert.Equal([id], TitleBrowsing.Page([Harbor, Market, Tide], query, null, null, 10).Titles.Select(t => t.Id));

    [Fact]
    public void Titles_ComeMostEngagedFirst_ThenById_AndAKindFilters()
    {
        Assert.Equal(["market", "harbor", "tide"], TitleBrowsing.Page([Tide, Harbor, Market], null, null, null, 10).Titles.Select(t => t.Id));
        Assert.Equal(["harbor", "tide"], TitleBrowsing.Page([Tide, Harbor, Market], " ", TitleKind.Movie, null, 10).Titles.Select(t => t.Id));
    }

    [Fact]
    public void Cursors_WalkEveryTitleOnce_AndTheLastPageHasNone()
    {
        TitleListing[] titles = [.. Enumerable.Range(0, 7).Select(i => new TitleListing($"t{i}", $"Title {i}", TitleKind.Movie, [], [], i % 3))];
        var walked = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = TitleBrowsing.Page(titles, null, null, cursor, 3);
            walked.AddRange(page.Titles.Select(t => t.Id));
            (cursor, pages) = (page.NextCursor, pages + 1);
            Assert.Equal(cursor is null ? 1 : 3, page.Titles.Count);
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(titles.OrderByDescending(t => t.Engagement).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Id), walked);
    }

    [Theory]
    [InlineData(null, "film", null, null, "kind")]
    [InlineData(null, null, "@@@", null, "cursor")]
    [InlineData(null, null, "MTI", null, "cursor")]
    [InlineData(null, null, null, 0, "limit")]
    [InlineData(null, null, null, 101, "limit")]
    public void ValidateQuery_NamesTheFieldThatIsWrong(string? query, string? kind, string? cursor, int? limit, string field) =>
        Assert.Equal([field], TitleBrowsing.ValidateQuery(query, kind, cursor, limit).Errors.Select(e => e.Field));

    [Fact]
    public void ValidateQuery_TakesTheDefaultLimit_AndACursorItWrote()
    {
        var cursor = TitleBrowsing.Page([Harbor, Market, Tide], null, null, null, 1).NextCursor;

        var (kind, limit, errors) = TitleBrowsing.ValidateQuery("x", "show", cursor, null);

        Assert.Empty(errors);
        Assert.Equal((TitleKind.Show, TitleBrowsing.DefaultLimit), (kind!.Value, limit));
    }
}
