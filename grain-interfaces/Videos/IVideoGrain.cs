using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces;

namespace Spotlight.GrainInterfaces.Videos;

/// <summary>A video, keyed by video id: creator, track used, engagement counters.</summary>
[Alias("Spotlight.Videos.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    [Alias("RegisterAsync")]
    Task<CommandResult<VideoRegisterOutcome, VideoDetails>> RegisterAsync(RegisterVideoCommand command);

    [Alias("GetAsync")]
    Task<VideoDetails?> GetAsync();

    /// <summary>Adds a slice's counts; a slice applied before (same partition, position not newer) is ignored.</summary>
    [Alias("ApplyEngagementAsync")]
    Task ApplyEngagementAsync(SliceIdentity slice, EngagementCounters counts);
}
