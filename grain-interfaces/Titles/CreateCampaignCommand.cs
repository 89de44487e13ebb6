namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A campaign as the owning studio sends it; checked by the title grain.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.CreateCampaignCommand")]
public sealed record CreateCampaignCommand(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyList<RewardPlan?>? Rewards,
    [property: Id(3)] long? MinLinkedViews,
    [property: Id(4)] string CreatedBy);
