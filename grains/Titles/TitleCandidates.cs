using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Domain;

namespace Spotlight.Grains.Titles;

/// <summary>The titles a video matches, found through the term index: one index grain per term of the
/// video (its hashtags, visual tags and the words of its caption and hashtags), never a scan of titles.</summary>
public static class TitleCandidates
{
    private const int ParallelCalls = 32;

    public static async Task<IReadOnlyList<TitleDetails>> FindAsync(IGrainFactory grains, VideoDetails video)
    {
        var keys = TitleTerms.CandidateKeys(video.Hashtags, video.Caption, video.VisualTags).Distinct(StringComparer.Ordinal);
        var listed = await GrainCalls.InBatchesAsync(keys, ParallelCalls, key => grains.GetGrain<ITitleTermIndexGrain>(key).GetTitlesAsync());
        var titleIds = listed.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal);
        var titles = await GrainCalls.InBatchesAsync(titleIds, ParallelCalls, id => grains.GetGrain<ITitleHubGrain>(id).GetAsync());
        // A keyword is indexed by its first word; the whole phrase must be in the caption to match.
        return [.. titles.Values.OfType<TitleDetails>().Where(t => LinkEligibility.Matches(video, t)).OrderBy(t => t.Id, StringComparer.Ordinal)];
    }
}
