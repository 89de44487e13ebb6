using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Domain;

/// <summary>
/// Who earns what in a campaign: a creator whose linked views reach the campaign's threshold earns the next
/// reward that has any left (rewards are handed out in the order the studio listed them), once per campaign.
/// The title grain applies one creator at a time, so a reward is never issued beyond its quantity.
/// </summary>
public static class CampaignAwards
{
    /// <summary>The campaign with one more reward issued and the reward; null when the creator is below the
    /// threshold or nothing is left. The caller checks that the creator has not earned in this campaign.</summary>
    public static (Campaign Campaign, CampaignReward Reward)? TryIssue(Campaign campaign, long linkedViews)
    {
        if (linkedViews < campaign.MinLinkedViews)
        {
            return null;
        }

        for (var i = 0; i < campaign.Rewards.Count; i++)
        {
            var reward = campaign.Rewards[i];
            if (reward.Remaining > 0)
            {
                var rewards = campaign.Rewards.ToArray();
                rewards[i] = reward with { Issued = reward.Issued + 1 };
                return (campaign with { Rewards = rewards }, reward);
            }
        }

        return null;
    }

    public static long Remaining(Campaign campaign) => campaign.Rewards.Sum(r => r.Remaining);
}
