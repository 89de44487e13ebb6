namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>The width of one point of an analytics time series (UTC-aligned).</summary>
[GenerateSerializer, Alias("Spotlight.Analytics.AnalyticsBucket")]
public enum AnalyticsBucket
{
    Minute = 0,
    Hour = 1,
    Day = 2,
}
