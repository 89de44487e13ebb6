namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>The three top lists a title-day keeps.</summary>
[GenerateSerializer, Alias("Spotlight.Analytics.TopListKind")]
public enum TopListKind : byte
{
    Video = 0,
    Creator = 1,
    Hashtag = 2,
}
