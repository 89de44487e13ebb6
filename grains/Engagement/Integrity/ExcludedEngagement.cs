using System.Runtime.InteropServices;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>
/// What a follower excludes of log entries' events: per track, the engagement of its excluded videos inside
/// its window and inside their exclusions. A store whose written video minutes lag its counters (see
/// <see cref="HeldVideoMinutes"/>) takes this off a snapshot for the entries it has not written yet.
/// </summary>
public static class ExcludedEngagement
{
    public static void Add(SliceReader slice, FollowerWindow window, IReadOnlyDictionary<string, MinuteRanges> excluded, Dictionary<string, Counts> into)
    {
        foreach (var e in slice.Events.Span)
        {
            // Only what the held minutes hold: a track that names no season keeps none (and is no round's entry).
            if (!slice.KeepsVideoMinute(e) || !window.Contains(e.Minute))
            {
                continue;
            }

            if (excluded.TryGetValue(slice.Videos[e.Video], out var ranges) && ranges.Contains(e.Minute))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(into, slice.Tracks[e.Track], out _).Add(e.Kind, e.Count);
            }
        }
    }
}
