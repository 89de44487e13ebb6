namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>What a studio's trend alert watches on a title's engagement.</summary>
[GenerateSerializer, Alias("Spotlight.Titles.AlertKind")]
public enum AlertKind
{
    /// <summary>The title's matching or linked videos' views in a window above the threshold.</summary>
    EngagementRate = 0,

    /// <summary>One fan video's views in a window above the threshold.</summary>
    VideoBreakout = 1,

    /// <summary>A hashtag's engagement in a window at least <c>factor</c> times the window before, and at least the threshold.</summary>
    HashtagRising = 2,
}
