using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.Grains.Videos;

[GenerateSerializer, Alias("Spotlight.Videos.VideoState")]
public sealed class VideoState
{
    /// <summary>Null until registered. Its counters are not kept here: the engagement store holds them.</summary>
    [Id(0)]
    public VideoDetails? Video { get; set; }

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

    /// <summary>Titles owed a <c>LinkedVideoReport</c> (link set or removed). Set in the same write as the
    /// change; cleared in memory once sent, as sending again is harmless.</summary>
    [Id(7)]
    public HashSet<string> LinkReportsOwed { get; set; } = [];

    /// <summary>The video directory holds the current anchor link (see <c>IVideoDirectory</c>).</summary>
    [Id(8)]
    public bool DirectorySynced { get; set; } = true;
}
