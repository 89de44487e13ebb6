using Spotlight.Grains.Engagement.Directory;

namespace Spotlight.Tests.Unit.Engagement;

public class TitleMatchIndexTests
{
    [Fact]
    public async Task AVideo_MatchesTitlesByHashtag_KeywordPhrase_OrVisualTag_AsLinkEligibilityDoes()
    {
        var directory = new MemoryTitleDirectory();
        await directory.RegisterAsync(new TitleMatchTerms("dune", ["dune"], [], [], 0, 10), CancellationToken.None);
        await directory.RegisterAsync(new TitleMatchTerms("worm", [], ["sand worm"], [], 0, 10), CancellationToken.None);
        await directory.RegisterAsync(new TitleMatchTerms("spice", [], [], ["spice"], 0, 10), CancellationToken.None);
        var index = new TitleMatchIndex(directory, TimeProvider.System);
        await index.EnsureFreshAsync(CancellationToken.None);

        Assert.Equal(["dune"], index.Match(Video(["dune"], "a trip", [])));
        Assert.Equal(["worm"], index.Match(Video([], "the SAND  Worm, huge!", [])));
        Assert.Empty(index.Match(Video([], "sandworm", [])));
        Assert.Equal(["dune", "spice", "worm"], index.Match(Video(["dune"], "sand worm", ["spice"])));
        Assert.Equal(10, index.Title("worm")!.MinViews);
    }

    [Fact]
    public async Task ANewTitle_IsFoundOnceTheIndexRefreshes_AndTheVersionSaysSo()
    {
        var directory = new MemoryTitleDirectory();
        var clock = new ManualClock();
        var index = new TitleMatchIndex(directory, clock);
        await index.EnsureFreshAsync(CancellationToken.None);
        var before = index.Version;
        await directory.RegisterAsync(new TitleMatchTerms("dune", ["dune"], [], [], 0, 10), CancellationToken.None);

        await index.EnsureFreshAsync(CancellationToken.None);
        Assert.Empty(index.Match(Video(["dune"], "", [])));
        clock.Advance(TitleMatchIndex.RefreshInterval);
        await index.EnsureFreshAsync(CancellationToken.None);

        Assert.Equal(["dune"], index.Match(Video(["dune"], "", [])));
        Assert.True(index.Version > before);
    }

    private static VideoEntry Video(string[] hashtags, string caption, string[] visual) => new("v", null, "c", 0, hashtags, caption, visual, null);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
