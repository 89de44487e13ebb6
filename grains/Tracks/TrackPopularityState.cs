using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.TrackPopularityState")]
public sealed class TrackPopularityState
{
    [Id(0)]
    public List<MinuteBucket> Minutes { get; set; } = [];

    [Id(1)]
    public Dictionary<string, SlicePosition> Applied { get; set; } = [];

    /// <summary>Rounds the track competes in, told of its popularity in their windows.</summary>
    [Id(2)]
    public List<RoundWindow> Rounds { get; set; } = [];
}
