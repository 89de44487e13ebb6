using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Domain;

/// <summary>A mutable tally of each kind of engagement, for summing many events without allocating
/// (kept in dictionaries by reference, see <c>CollectionsMarshal.GetValueRefOrAddDefault</c>).</summary>
public struct Counts
{
    public long Views;
    public long Likes;
    public long Comments;
    public long Shares;
    public long Uses;

    public readonly bool IsZero => Views == 0 && Likes == 0 && Comments == 0 && Shares == 0 && Uses == 0;

    public void Add(EngagementKind kind, long count)
    {
        switch (kind)
        {
            case EngagementKind.View: Views += count; break;
            case EngagementKind.Like: Likes += count; break;
            case EngagementKind.Comment: Comments += count; break;
            case EngagementKind.Share: Shares += count; break;
            case EngagementKind.Use: Uses += count; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown engagement kind.");
        }
    }

    public void Add(in Counts other)
    {
        Views += other.Views;
        Likes += other.Likes;
        Comments += other.Comments;
        Shares += other.Shares;
        Uses += other.Uses;
    }

    public void Add(EngagementCounters counters)
    {
        Views += counters.Views;
        Likes += counters.Likes;
        Comments += counters.Comments;
        Shares += counters.Shares;
    }

    /// <summary>Popularity points with the SPEC's default weights (see <c>PopularityWeights.Default</c>).</summary>
    public readonly long Points => PopularityWeights.Default.Points(this);

    public readonly EngagementCounters ToCounters() => new(Views, Likes, Comments, Shares);

    public static Counts From(EngagementCounters counters, long uses = 0) =>
        new() { Views = counters.Views, Likes = counters.Likes, Comments = counters.Comments, Shares = counters.Shares, Uses = uses };
}
