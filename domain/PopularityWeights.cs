using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Domain;

/// <summary>Points per kind of engagement (SPEC "Scoring"; seasons may set their own).</summary>
public sealed record PopularityWeights(long View, long Like, long Comment, long Share, long Use)
{
    public static readonly PopularityWeights Default = new(1, 3, 4, 8, 20);

    public long Points(in Counts counts) =>
        (counts.Views * View) + (counts.Likes * Like) + (counts.Comments * Comment) + (counts.Shares * Share) + (counts.Uses * Use);

    public long Points(EngagementCounters counters, long uses) =>
        (counters.Views * View) + (counters.Likes * Like) + (counters.Comments * Comment) + (counters.Shares * Share) + (uses * Use);
}
