using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;

namespace Spotlight.Grains.Tracks;

[GenerateSerializer, Alias("Spotlight.Tracks.TrackState")]
public sealed class TrackState
{
    /// <summary>Null until submitted.</summary>
    [Id(0)]
    public TrackDetails? Track { get; set; }

    /// <summary>The review queue reflects the current status (listed while submitted, not after).</summary>
    [Id(1)]
    public bool QueueSynced { get; set; }

    /// <summary>A cleared track has been added to its region's featured playlist.</summary>
    [Id(2)]
    public bool PlaylistSynced { get; set; }

    /// <summary>A cleared track that names a season has asked it for entry, with this answer.</summary>
    [Id(3)]
    public SeasonEntryOutcome? SeasonEntry { get; set; }
}
