using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class TitleTermsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Words_AreNormalisedLowerCasedAndSplitAtPunctuation()
    {
        Assert.Equal(["arrakis", "at", "dawn", "2"], TitleTerms.Words("ARRAKIS at... dawn!! #2"));
        // Full-width letters are the same word after NFKC; accents are kept.
        Assert.Equal(["dune", "café"], TitleTerms.Words("ＤＵＮＥ — Café"));
        Assert.Equal("sand worm", TitleTerms.NormalizeKeyword("  Sand   WORM, "));
        Assert.Equal(string.Empty, TitleTerms.NormalizeKeyword("!!!"));
    }

    [Fact]
    public void Words_LowerCaseWithInvariantRules()
    {
        // In a Turkish culture "I" would become a dotless "ı"; the hosts run culture-invariant.
        Assert.Equal(["interstellar", "ıstanbul"], TitleTerms.Words("INTERSTELLAR ıSTANBUL"));
        Assert.Equal(TitleTerms.Words("Dune"), TitleTerms.Words("DUNE"));
    }

    [Fact]
    public void CaptionContains_WholeWordsInARow()
    {
        var caption = TitleTerms.Words("Riding the sand worm, finally");

        Assert.True(TitleTerms.CaptionContains(caption, "sand worm"));
        Assert.True(TitleTerms.CaptionContains(caption, "finally"));
        Assert.False(TitleTerms.CaptionContains(caption, "worm sand"));
        Assert.False(TitleTerms.CaptionContains(TitleTerms.Words("sandworm"), "sand worm"));
        Assert.False(TitleTerms.CaptionContains(TitleTerms.Words("sand"), "sand worm"));
    }

    [Fact]
    public void Keys_OfAVideo_IncludeEveryKeyItsTitlesAreListedUnder()
    {
        var titleKeys = TitleTerms.TitleKeys(["dune"], ["sand worm", "arrakis"], ["desert"]);
        var videoKeys = TitleTerms.CandidateKeys(["dune"], "A SAND worm on Arrakis", ["desert"]);

        Assert.Equal(["hashtag:dune", "keyword:sand", "keyword:arrakis", "visual:desert"], titleKeys);
        Assert.Subset(videoKeys.ToHashSet(), titleKeys.ToHashSet());
    }

    [Fact]
    public void Eligibility_ReportsEveryRule()
    {
        var title = Title(minFollowers: 1_000, minViews: 100);
        var fresh = Video(hashtags: ["fanedit"], caption: "Arrakis at dawn", followers: 500, views: 10);

        var verdict = LinkEligibility.Evaluate(fresh, title, policyViolation: false);

        Assert.False(verdict.Eligible);
        Assert.Equal(
            [(LinkEligibility.Match, true), (LinkEligibility.Followers, false), (LinkEligibility.Views, false), (LinkEligibility.Policy, true)],
            verdict.Reasons.Select(r => (r.Rule, r.Passed)));
        Assert.True(LinkEligibility.Evaluate(Video(["dune"], "", 1_000, 100), title, policyViolation: false).Eligible);
        Assert.False(LinkEligibility.Evaluate(Video(["dune"], "", 1_000, 100), title, policyViolation: true).Eligible);
        // A shared visual tag matches; nothing shared does not.
        Assert.True(LinkEligibility.Matches(Video([], "", 0, 0, visualTags: ["desert"]), title));
        Assert.False(LinkEligibility.Matches(Video(["dunes"], "sandworm", 0, 0), title));
    }

    private static TitleDetails Title(long minFollowers, long minViews) =>
        new("dune", "Dune", TitleKind.Movie, "studio-1", [], [], [], ["dune"], ["arrakis", "sand worm"], ["desert"], minFollowers, minViews, Now, "studio-user");

    private static VideoDetails Video(IReadOnlyList<string> hashtags, string caption, long followers, long views, IReadOnlyList<string>? visualTags = null) =>
        new("v1", "creator-1", followers, null, hashtags, caption, visualTags ?? [], Now, EngagementCounters.Zero.Add(EngagementKind.View, views));
}
