namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>Consumer of one engagement partition that feeds title analytics (key: the partition's stream key).</summary>
[Alias("Spotlight.Analytics.ITitleAnalyticsProjectorGrain")]
public interface ITitleAnalyticsProjectorGrain : IGrainWithStringKey;
