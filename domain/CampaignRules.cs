using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Domain;

/// <summary>What a valid campaign is: a name, 1 to 20 rewards (kind frame|filter|merch|tickets, a
/// description, a quantity of 1 to 1,000,000), and the linked views (0 or more) a creator needs.</summary>
public static class CampaignRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 500;
    public const int MaxRewards = 20;
    public const long MaxQuantity = 1_000_000;
    public const int MaxCampaignsPerTitle = 100;

    public static (Campaign? Campaign, IReadOnlyList<FieldError> Errors) Validate(string titleId, CreateCampaignCommand command, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!ResourceIdRules.IsValid(command.Id))
        {
            errors.Add(new("id", $"A campaign id of {ResourceIdRules.Description}."));
        }

        var name = FieldChecks.Text(command.Name, "name", MaxNameLength, errors);
        if (command.Rewards is not { Count: > 0 })
        {
            errors.Add(new("rewards", $"From 1 to {MaxRewards} rewards."));
        }

        var rewards = FieldChecks.Items(command.Rewards, "rewards", MaxRewards, errors, (reward, field) =>
        {
            var kind = KindOf(reward.Kind);
            if (kind is null)
            {
                errors.Add(new($"{field}.kind", "One of \"frame\", \"filter\", \"merch\", \"tickets\"."));
            }

            var description = FieldChecks.Text(reward.Description, $"{field}.description", MaxDescriptionLength, errors);
            if (reward.Quantity is not (>= 1 and <= MaxQuantity))
            {
                errors.Add(new($"{field}.quantity", $"From 1 to {MaxQuantity}."));
            }

            return new CampaignReward(kind ?? RewardKind.Frame, description, reward.Quantity ?? 0);
        });
        if (command.MinLinkedViews is not >= 0)
        {
            errors.Add(new("minLinkedViews", "Zero or more views of the creator's linked videos; required."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Campaign(command.Id, titleId, name, rewards, command.MinLinkedViews!.Value, now, command.CreatedBy), errors);
    }

    public static RewardKind? KindOf(string? kind) => kind switch
    {
        "frame" => RewardKind.Frame,
        "filter" => RewardKind.Filter,
        "merch" => RewardKind.Merch,
        "tickets" => RewardKind.Tickets,
        _ => null,
    };

    public static string NameOf(RewardKind kind) => kind.ToString().ToLowerInvariant();
}
