using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.GrainInterfaces.Creators;

/// <summary>A reward a creator earned in a title's campaign, with the linked views that earned it.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Creators.CreatorReward")]
public sealed record CreatorReward(
    [property: Id(0)] string TitleId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CampaignName,
    [property: Id(3)] RewardKind Kind,
    [property: Id(4)] string Description,
    [property: Id(5)] long LinkedViews,
    [property: Id(6)] DateTimeOffset EarnedAt);
