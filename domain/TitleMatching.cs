namespace Spotlight.Domain;

/// <summary>A video's terms in the form matching needs them: hashtags and visual tags as normalised
/// tags, the words of its caption and of each hashtag (see <see cref="TitleTerms.Words"/>).</summary>
public sealed record VideoTerms(
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> CaptionWords,
    IReadOnlyList<IReadOnlyList<string>> HashtagWords,
    IReadOnlyList<string> VisualTags)
{
    public static VideoTerms Of(IReadOnlyList<string> hashtags, string caption, IReadOnlyList<string> visualTags) =>
        new(hashtags, TitleTerms.Words(caption), [.. hashtags.Select(TitleTerms.Words)], visualTags);
}

/// <summary>
/// Whether a video matches a title (SPEC "link eligibility"): a hashtag of the title among the video's
/// hashtags, a keyword of the title in the video's caption or in one of its hashtags ("#ArrakisNights" holds
/// no words, "#dune" does), or a shared visual tag. One rule for the eligibility shown on a video, for the
/// link review queue and for title analytics.
/// </summary>
public static class TitleMatching
{
    /// <summary>The first rule that matches and the term that did, or null.</summary>
    public static (string Rule, string Term)? FirstMatch(
        VideoTerms video, IReadOnlyList<string> hashtags, IReadOnlyList<string> keywords, IReadOnlyList<string> visualTags)
    {
        foreach (var hashtag in hashtags)
        {
            if (video.Hashtags.Contains(hashtag))
            {
                return ("hashtag", hashtag);
            }
        }

        foreach (var keyword in keywords)
        {
            if (TitleTerms.CaptionContains(video.CaptionWords, keyword) || video.HashtagWords.Any(words => TitleTerms.CaptionContains(words, keyword)))
            {
                return ("keyword", keyword);
            }
        }

        foreach (var visual in visualTags)
        {
            if (video.VisualTags.Contains(visual))
            {
                return ("visual", visual);
            }
        }

        return null;
    }
}
