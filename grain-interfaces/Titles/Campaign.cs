namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A title's creator campaign: rewards in the order they are handed out, and the linked views a
/// creator needs to earn one.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.Campaign")]
public sealed record Campaign(
    [property: Id(0)] string Id,
    [property: Id(1)] string TitleId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<CampaignReward> Rewards,
    [property: Id(4)] long MinLinkedViews,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy);
