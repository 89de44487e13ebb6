using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>Engagement on every video that uses a track (key: track id), read from the engagement store,
/// where it is kept per minute of event time (older minutes rolled up into hours and days).</summary>
[Alias("Spotlight.Tracks.ITrackPopularityGrain")]
public interface ITrackPopularityGrain : IGrainWithStringKey
{
    /// <summary>Totals and popularity points (SPEC default weights) between two event times; null bounds are open.</summary>
    [Alias("GetPopularityAsync")]
    Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to);

    /// <summary>The same, for each of <paramref name="days"/> UTC days from <paramref name="firstDay"/>'s.</summary>
    [Alias("GetDailyAsync")]
    Task<IReadOnlyList<TrackPopularity>> GetDailyAsync(DateOnly firstDay, int days);
}

[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackPopularity")]
public sealed record TrackPopularity(
    [property: Id(0)] EngagementCounters Counters,
    [property: Id(1)] long Uses,
    [property: Id(2)] long Points);
