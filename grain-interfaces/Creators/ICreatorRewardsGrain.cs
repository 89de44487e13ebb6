using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Creators;

/// <summary>The campaign rewards a creator has earned (key: creator id). A leaf: it calls no grain, so title
/// hubs can hand rewards over without any chance of a call cycle.</summary>
[Alias("Spotlight.Creators.ICreatorRewardsGrain")]
public interface ICreatorRewardsGrain : IGrainWithStringKey
{
    /// <summary>Records a reward; a second reward of the same campaign is ignored (one per campaign).</summary>
    [Alias("AddAsync")]
    Task AddAsync(CreatorReward reward);

    /// <summary>The rewards in the order they were earned.</summary>
    [AlwaysInterleave, Alias("GetAsync")]
    Task<IReadOnlyList<CreatorReward>> GetAsync();
}
