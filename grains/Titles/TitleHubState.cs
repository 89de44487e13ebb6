using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Grains.Titles;

[GenerateSerializer, Alias("Spotlight.Titles.TitleHubState")]
public sealed class TitleHubState
{
    /// <summary>Null until created.</summary>
    [Id(0)]
    public TitleDetails? Title { get; set; }

    /// <summary>The term index lists this title under each of its terms.</summary>
    [Id(1)]
    public bool Indexed { get; set; }

    [Id(2)]
    public long Visits { get; set; }

    [Id(3)]
    public Dictionary<string, long> Clicks { get; set; } = [];

    /// <summary>Videos ever linked to this title, by id, as their last reports tell.</summary>
    [Id(4)]
    public Dictionary<string, LinkedVideo> LinkedVideos { get; set; } = [];

    [Id(5)]
    public long LinkedCount { get; set; }

    /// <summary>Campaigns in order of creation, with their issued counts.</summary>
    [Id(6)]
    public List<Campaign> Campaigns { get; set; } = [];

    /// <summary>Per campaign id, the reward each creator earned (one per creator).</summary>
    [Id(7)]
    public Dictionary<string, Dictionary<string, CreatorReward>> Earned { get; set; } = [];

    /// <summary>Rewards issued here that the creators' reward lists have not confirmed yet.</summary>
    [Id(8)]
    public List<OwedReward> RewardsOwed { get; set; } = [];

    /// <summary>The title list has this title (titles indexed before there was a list are listed on activation).</summary>
    [Id(9)]
    public bool Listed { get; set; }

    /// <summary>Visits and linked views gained per hour, for the last day (<c>TrendingWindow</c>).</summary>
    [Id(10)]
    public Dictionary<long, long> RecentHours { get; set; } = [];
}

[GenerateSerializer, Alias("Spotlight.Titles.LinkedVideo")]
public sealed class LinkedVideo
{
    [Id(0)]
    public string CreatorId { get; set; } = string.Empty;

    [Id(1)]
    public long Views { get; set; }

    [Id(2)]
    public bool Linked { get; set; }

    /// <summary>Position in the order of linking.</summary>
    [Id(3)]
    public long Order { get; set; }
}

[GenerateSerializer, Immutable, Alias("Spotlight.Titles.OwedReward")]
public sealed record OwedReward([property: Id(0)] string CreatorId, [property: Id(1)] CreatorReward Reward);
