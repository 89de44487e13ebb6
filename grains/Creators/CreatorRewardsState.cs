using Spotlight.GrainInterfaces.Creators;

namespace Spotlight.Grains.Creators;

[GenerateSerializer, Alias("Spotlight.Creators.CreatorRewardsState")]
public sealed class CreatorRewardsState
{
    /// <summary>In the order earned.</summary>
    [Id(0)]
    public List<CreatorReward> Rewards { get; set; } = [];
}
