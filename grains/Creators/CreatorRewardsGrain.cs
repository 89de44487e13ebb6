using Spotlight.GrainInterfaces.Creators;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Creators;

public sealed class CreatorRewardsGrain(
    [PersistentState("creator-rewards", StorageNames.Default)] IPersistentState<CreatorRewardsState> state) : Grain, ICreatorRewardsGrain
{
    public async Task AddAsync(CreatorReward reward)
    {
        if (state.State.Rewards.Any(r => r.TitleId == reward.TitleId && r.CampaignId == reward.CampaignId))
        {
            return;
        }

        state.State.Rewards.Add(reward);
        await state.WriteOrDropActivationAsync(this);
    }

    public Task<IReadOnlyList<CreatorReward>> GetAsync() => Task.FromResult<IReadOnlyList<CreatorReward>>([.. state.State.Rewards]);
}
