using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Domain;

/// <summary>What an acceptable engagement batch and event are.</summary>
public static class EngagementRules
{
    public const int MaxEventsPerBatch = 5000;
    public const int MinCount = 1;
    public const int MaxCount = 10_000;

    /// <summary>Clocks differ; an event stamped a little in the future is believable, far ahead is not.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private static string Describe(TimeSpan window) =>
        window.TotalDays >= 1 && window.TotalDays == Math.Floor(window.TotalDays) ? $"{window.TotalDays:0} days" : window.ToString();

    /// <summary>The kinds a batch may carry, as callers write them (what <see cref="ParseKind"/> accepts).</summary>
    public static readonly IReadOnlyList<string> KindNames = ["view", "like", "comment", "share"];

    public static EngagementKind? ParseKind(string? kind) => kind switch
    {
        "view" => EngagementKind.View,
        "like" => EngagementKind.Like,
        "comment" => EngagementKind.Comment,
        "share" => EngagementKind.Share,
        _ => null,
    };

    /// <summary>Null when the event's own fields are acceptable (whether its video exists is checked apart).
    /// Events older than the dedupe window could belong to a batch whose id was forgotten, so they are refused.</summary>
    public static string? CheckEvent(string? videoId, string? kind, int? count, DateTimeOffset? at, DateTimeOffset now, TimeSpan dedupeWindow)
    {
        if (!ResourceIdRules.IsValid(videoId))
        {
            return $"videoId: a video id of {ResourceIdRules.Description}.";
        }

        if (ParseKind(kind) is null)
        {
            return $"kind: one of {string.Join(", ", KindNames)}.";
        }

        if (count is { } c && (c < MinCount || c > MaxCount))
        {
            return $"count: from {MinCount} to {MaxCount}.";
        }

        if (at is { } time && time > now + MaxClockSkew)
        {
            return "at: more than 5 minutes in the future.";
        }

        if (at is { } old && old < now - dedupeWindow)
        {
            return $"at: older than the dedupe window ({Describe(dedupeWindow)}).";
        }

        return null;
    }
}
