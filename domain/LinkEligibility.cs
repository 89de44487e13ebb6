using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.Domain;

/// <summary>
/// SPEC link eligibility of a video for a title: it matches (a hashtag or keyword of the title among the
/// video's hashtags or in its caption, or a shared visual tag), the creator has at least
/// <c>minFollowers</c>, the video at least <c>minViews</c> views, and neither has a policy violation.
/// Every rule is reported, so a creator can see what is missing.
/// </summary>
public static class LinkEligibility
{
    public const string Match = "match";
    public const string Followers = "followers";
    public const string Views = "views";
    public const string Policy = "policy";

    public static TitleEligibility Evaluate(VideoDetails video, TitleDetails title, bool policyViolation)
    {
        var reasons = new List<EligibilityReason>
        {
            MatchOf(video, title),
            new(Followers, video.CreatorFollowers >= title.MinFollowers, $"The creator has {video.CreatorFollowers} followers; {title.MinFollowers} needed."),
            new(Views, video.Counters.Views >= title.MinViews, $"The video has {video.Counters.Views} views; {title.MinViews} needed."),
            new(Policy, !policyViolation, policyViolation ? "The video or its creator has a policy violation." : "No policy violation."),
        };
        return new TitleEligibility(title.Id, reasons.All(r => r.Passed), reasons);
    }

    public static bool Matches(VideoDetails video, TitleDetails title) => MatchOf(video, title).Passed;

    private static EligibilityReason MatchOf(VideoDetails video, TitleDetails title) =>
        TitleMatching.FirstMatch(VideoTerms.Of(video.Hashtags, video.Caption, video.VisualTags), title.Hashtags, title.Keywords, title.VisualTags) switch
        {
            ("hashtag", var hashtag) => new(Match, true, $"Hashtag #{hashtag}."),
            ("keyword", var keyword) => new(Match, true, $"Keyword \"{keyword}\"."),
            (_, var visual) => new(Match, true, $"Visual tag \"{visual}\"."),
            null => new(Match, false, "No hashtag, keyword or visual tag of the title."),
        };
}
