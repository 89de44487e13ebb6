using Spotlight.GrainInterfaces.Titles;
using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class CampaignAwardsTests
{
    private static Campaign NewCampaign(long minLinkedViews, params (RewardKind Kind, long Quantity)[] rewards) =>
        new("c", "t", "Campaign", [.. rewards.Select(r => new CampaignReward(r.Kind, r.Kind.ToString(), r.Quantity))], minLinkedViews, DateTimeOffset.UnixEpoch, "studio-user");

    [Fact]
    public void Rewards_AreHandedOutInListedOrder_UntilEveryQuantityIsSpent()
    {
        var campaign = NewCampaign(10, (RewardKind.Frame, 2), (RewardKind.Merch, 1));
        var kinds = new List<RewardKind>();
        for (var creator = 0; creator < 5; creator++)
        {
            if (CampaignAwards.TryIssue(campaign, linkedViews: 10) is { } issued)
            {
                (campaign, var reward) = issued;
                kinds.Add(reward.Kind);
            }
        }

        Assert.Equal([RewardKind.Frame, RewardKind.Frame, RewardKind.Merch], kinds);
        Assert.Equal(0, CampaignAwards.Remaining(campaign));
        Assert.Equal([2L, 1L], campaign.Rewards.Select(r => r.Issued));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void ACreator_EarnsFromTheThresholdOn(long linkedViews, bool earns) =>
        Assert.Equal(earns, CampaignAwards.TryIssue(NewCampaign(10, (RewardKind.Filter, 1)), linkedViews) is not null);

    [Fact]
    public void Validate_NamesEveryBadField_AndKeepsAValidCampaign()
    {
        var (bad, errors) = CampaignRules.Validate("t", new CreateCampaignCommand("bad id", "", [new RewardPlan("hat", "x", 0), null, new RewardPlan("frame", null, CampaignRules.MaxQuantity + 1)], -1, "u"), DateTimeOffset.UnixEpoch);
        Assert.Null(bad);
        Assert.Equal(["id", "name", "rewards[0].kind", "rewards[0].quantity", "rewards[1]", "rewards[2].description", "rewards[2].quantity", "minLinkedViews"], errors.Select(e => e.Field));

        var (campaign, none) = CampaignRules.Validate("t", new CreateCampaignCommand("launch", " Launch ", [new RewardPlan("tickets", "Premiere seats", 3)], 0, "u"), DateTimeOffset.UnixEpoch);
        Assert.Empty(none);
        Assert.Equal(("Launch", RewardKind.Tickets, 3L, 0L), (campaign!.Name, campaign.Rewards[0].Kind, campaign.Rewards[0].Quantity, campaign.MinLinkedViews));
    }
}
