namespace Spotlight.GrainInterfaces.Titles;

/// <summary>One reward of a campaign: how many there are and how many were issued.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.CampaignReward")]
public sealed record CampaignReward(
    [property: Id(0)] RewardKind Kind,
    [property: Id(1)] string Description,
    [property: Id(2)] long Quantity,
    [property: Id(3)] long Issued = 0)
{
    public long Remaining => Quantity - Issued;
}
