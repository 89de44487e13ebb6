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

    /// <summary>Videos whose link to this title was approved, in order of approval.</summary>
    [Id(4)]
    public List<string> LinkedVideos { get; set; } = [];
}
