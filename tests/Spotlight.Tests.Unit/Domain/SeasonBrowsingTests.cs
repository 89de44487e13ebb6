using Spotlight.Domain;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Tests.Unit.Domain;

public class SeasonBrowsingTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-60, 60, false, SeasonPhase.Open)]
    [InlineData(0, 60, false, SeasonPhase.Open)]
    [InlineData(1, 60, false, SeasonPhase.Upcoming)]
    [InlineData(-60, 0, false, SeasonPhase.Closed)]
    [InlineData(-60, 60, true, SeasonPhase.Closed)]
    public void Phase_FollowsTheWindow_AndAClosedFinal(int opensInMinutes, int closesInMinutes, bool finalClosed, SeasonPhase phase) =>
        Assert.Equal(phase, SeasonBrowsing.PhaseOf(Season("s", opensInMinutes, closesInMinutes, finalClosed: finalClosed), Now));

    [Fact]
    public void Browse_ShowsOpenEndingSoonest_ThenUpcomingOpeningSoonest_ThenClosedLatestFirst()
    {
        SeasonListing[] seasons =
        [
            Season("closed-long-ago", -900, -600),
            Season("upcoming-later", 600, 900),
            Season("open-ends-late", -60, 600),
            Season("closed-recently", -600, -10),
            Season("upcoming-soon", 30, 900),
            Season("open-ends-soon", -60, 30),
        ];

        var ids = SeasonBrowsing.Browse(seasons, phase: null, region: null, Now).Select(s => s.Id);

        Assert.Equal(["open-ends-soon", "open-ends-late", "upcoming-soon", "upcoming-later", "closed-recently", "closed-long-ago"], ids);
    }

    [Fact]
    public void Browse_KeepsOnlyThePhaseAndRegionAskedFor()
    {
        SeasonListing[] seasons = [Season("jp-open", -60, 60, "JP"), Season("kr-open", -60, 60, "KR", "JP"), Season("kr-upcoming", 60, 120, "KR")];

        Assert.Equal(["jp-open", "kr-open"], SeasonBrowsing.Browse(seasons, SeasonPhase.Open, "JP", Now).Select(s => s.Id).Order());
        Assert.Equal(["kr-upcoming"], SeasonBrowsing.Browse(seasons, SeasonPhase.Upcoming, null, Now).Select(s => s.Id));
        Assert.Empty(SeasonBrowsing.Browse(seasons, SeasonPhase.Closed, "KR", Now));
    }

    [Theory]
    [InlineData("KR", "kr-open")]
    [InlineData("JP", "jp-open-ends-soon")]
    [InlineData("NZ", "jp-open-ends-soon")]
    [InlineData(null, "jp-open-ends-soon")]
    public void OnNow_IsTheRegionsOpenSeason_ElseAnyOpenOne(string? region, string expected)
    {
        SeasonListing[] seasons =
        [
            Season("kr-upcoming", 10, 120, "KR"), Season("kr-closed", -120, -10, "KR"), Season("kr-open", -60, 90, "KR"),
            Season("jp-open-ends-late", -60, 600, "JP"), Season("jp-open-ends-soon", -60, 30, "JP"),
        ];

        Assert.Equal(expected, SeasonBrowsing.OnNow(seasons, region, Now)?.Id);
    }

    [Fact]
    public void OnNow_IsNone_WhenNothingIsOpen() =>
        Assert.Null(SeasonBrowsing.OnNow([Season("upcoming", 10, 60, "JP"), Season("closed", -60, -10, "JP")], "JP", Now));

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("open", "JP", SeasonPhase.Open)]
    [InlineData("closed", null, SeasonPhase.Closed)]
    public void ValidateQuery_ReadsAValidQuery(string? state, string? region, SeasonPhase? phase)
    {
        var (parsed, errors) = SeasonBrowsing.ValidateQuery(state, region);

        Assert.Empty(errors);
        Assert.Equal(phase, parsed);
    }

    [Theory]
    [InlineData("Open", null, "state")]
    [InlineData("", null, "state")]
    [InlineData(null, "jp", "region")]
    [InlineData(null, "ZZ", "region")]
    public void ValidateQuery_NamesTheFieldThatIsWrong(string? state, string? region, string field) =>
        Assert.Equal([field], SeasonBrowsing.ValidateQuery(state, region).Errors.Select(e => e.Field));

    private static SeasonListing Season(string id, int opensInMinutes, int closesInMinutes, params string[] regions) =>
        Season(id, opensInMinutes, closesInMinutes, finalClosed: false, regions);

    private static SeasonListing Season(string id, int opensInMinutes, int closesInMinutes, bool finalClosed, params string[] regions) =>
        new(id, "Season " + id, regions.Length == 0 ? ["JP"] : regions, Now.AddMinutes(opensInMinutes), Now.AddMinutes(closesInMinutes), finalClosed);
}
