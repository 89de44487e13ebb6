using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.TrackPopularityState")]
public sealed class TrackPopularityState
{
    [Id(0)]
    public List<MinuteBucket> Minutes { get; set; } = [];

    [Id(1)]
    public Dictionary<string, SlicePosition> Applied { get; set; } = [];
}
