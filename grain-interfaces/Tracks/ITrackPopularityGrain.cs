using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>Engagement on every video that uses a track (key: track id), kept per minute of event time so
/// that any round window can be summed later.</summary>
[Alias("Spotlight.Tracks.ITrackPopularityGrain")]
public interface ITrackPopularityGrain : IGrainWithStringKey
{
    /// <summary>Adds the per-minute counts of a range of slices; answers as <c>IVideoGrain.ApplyEngagementAsync</c>.</summary>
    [Alias("ApplyEngagementAsync")]
    Task<SlicePosition?> ApplyEngagementAsync(SliceRange range, IReadOnlyList<MinuteCounts> minutes);

    /// <summary>Totals and popularity points (SPEC default weights) between two event times; null bounds are open.</summary>
    [Alias("GetPopularityAsync")]
    Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to);

    /// <summary>From now on, tells the round the track's popularity in its window whenever it grows
    /// (idempotent); answers the popularity in the window so far.</summary>
    [Alias("FollowRoundAsync")]
    Task<long> FollowRoundAsync(RoundWindow window);

    /// <summary>Stops telling the round (it closed).</summary>
    [Alias("UnfollowRoundAsync")]
    Task UnfollowRoundAsync(string roundKey);
}

[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackPopularity")]
public sealed record TrackPopularity(
    [property: Id(0)] EngagementCounters Counters,
    [property: Id(1)] long Uses,
    [property: Id(2)] long Points);
