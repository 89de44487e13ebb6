using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.Grains.Videos;

[GenerateSerializer, Alias("Spotlight.Videos.VideoState")]
public sealed class VideoState
{
    /// <summary>Null until registered. Counters live inside, written together with <see cref="Applied"/>.</summary>
    [Id(0)]
    public VideoDetails? Video { get; set; }

    [Id(1)]
    public Dictionary<string, SlicePosition> Applied { get; set; } = [];

    /// <summary>The use of the video's track has been counted on the track.</summary>
    [Id(2)]
    public bool UseRecorded { get; set; } = true;

    /// <summary>The latest policy decision by a reviewer; null when none was made.</summary>
    [Id(3)]
    public PolicyDecision? Policy { get; set; }

    /// <summary>Titles for which the video became eligible: each enters the link review queue once, ever.</summary>
    [Id(4)]
    public HashSet<string> Queued { get; set; } = [];

    /// <summary>Of <see cref="Queued"/>, those not yet confirmed by the review queue.</summary>
    [Id(5)]
    public HashSet<string> QueueOwed { get; set; } = [];

    /// <summary>The approved title link; a video has at most one. Removed at once by a violation.</summary>
    [Id(6)]
    public string? AnchorLink { get; set; }

    /// <summary>Titles owed a <c>LinkedVideoReport</c> (link set or removed, or views grown while linked).
    /// Set in the same write as the change; cleared in memory once sent, as sending again is harmless.</summary>
    [Id(7)]
    public HashSet<string> LinkReportsOwed { get; set; } = [];
}
