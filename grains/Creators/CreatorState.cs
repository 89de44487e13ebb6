using Spotlight.GrainInterfaces;

namespace Spotlight.Grains.Creators;

[GenerateSerializer, Alias("Spotlight.Creators.CreatorState")]
public sealed class CreatorState
{
    [Id(0)]
    public PolicyDecision? Policy { get; set; }

    /// <summary>Videos of the creator that were linked through here (a violation unlinks each).</summary>
    [Id(1)]
    public HashSet<string> LinkedVideos { get; set; } = [];

    /// <summary>A violation was recorded and not every linked video has dropped its link yet.</summary>
    [Id(2)]
    public bool UnlinkOwed { get; set; }

    /// <summary>Videos that found titles they qualify for while the creator was in violation; each is asked
    /// to check again once the violation is lifted (then the set is emptied).</summary>
    [Id(3)]
    public HashSet<string> BlockedVideos { get; set; } = [];
}
