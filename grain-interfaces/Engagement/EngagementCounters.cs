namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Totals of each kind of engagement.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.EngagementCounters")]
public sealed record EngagementCounters(
    [property: Id(0)] long Views,
    [property: Id(1)] long Likes,
    [property: Id(2)] long Comments,
    [property: Id(3)] long Shares)
{
    public static readonly EngagementCounters Zero = new(0, 0, 0, 0);

    public EngagementCounters Add(EngagementKind kind, long count) => kind switch
    {
        EngagementKind.View => this with { Views = Views + count },
        EngagementKind.Like => this with { Likes = Likes + count },
        EngagementKind.Comment => this with { Comments = Comments + count },
        EngagementKind.Share => this with { Shares = Shares + count },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown engagement kind."),
    };

    public EngagementCounters Add(EngagementCounters other) =>
        new(Views + other.Views, Likes + other.Likes, Comments + other.Comments, Shares + other.Shares);
}
