namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Consumers of one engagement partition (key: the partition's stream key). Each kind subscribes
/// to the stream on its own and applies slices to its own targets.</summary>
[Alias("Spotlight.Engagement.IVideoCountersProjectorGrain")]
public interface IVideoCountersProjectorGrain : IGrainWithStringKey;

[Alias("Spotlight.Engagement.ITrackPopularityProjectorGrain")]
public interface ITrackPopularityProjectorGrain : IGrainWithStringKey;
