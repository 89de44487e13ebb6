using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>A video's engagement in one minute of event time, on its track (uses included).</summary>
public sealed record VideoMinuteRow(string VideoId, string TrackId, long Minute, Counts Counts);
