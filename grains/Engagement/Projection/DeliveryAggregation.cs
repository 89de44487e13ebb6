using System.Runtime.InteropServices;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// What a delivery adds up to, summed per key so that a hot video or track costs one row per delivery
/// however many events it had: counters per video; counts per track and minute of event time (uses
/// included), and per video of a track that names a season and minute; per title the video matches, engagement per minute (and the part on the video it links to)
/// and per video, creator and hashtag of each UTC day for the top lists. Uses count for tracks only.
/// </summary>
public static class DeliveryAggregation
{
    /// <summary>Sums the slices into <paramref name="sum"/> (cleared first, so a projector can keep one and
    /// its dictionaries' capacity; a new one when null).</summary>
    public static DeliveryAggregate Aggregate(IEnumerable<SliceReader> slices, IReadOnlyDictionary<string, VideoRoute> routes, DeliveryAggregate? sum = null)
    {
        sum ??= new DeliveryAggregate();
        sum.Clear();
        foreach (var slice in slices)
        {
            var sliceRoutes = new VideoRoute?[slice.Videos.Length];
            for (var v = 0; v < sliceRoutes.Length; v++)
            {
                sliceRoutes[v] = routes.GetValueOrDefault(slice.Videos[v]);
            }

            foreach (var e in slice.Events.Span)
            {
                sum.Events++;
                var minute = e.Minute;
                if (e.Track >= 0)
                {
                    var trackId = slice.Tracks[e.Track];
                    CollectionsMarshal.GetValueRefOrAddDefault(sum.TrackMinutes, new TrackMinute(trackId, minute), out _).Add(e.Kind, e.Count);
                    AddVideoMinute(sum.VideoMinutes, slice, e);
                }

                if (e.Kind == EngagementKind.Use)
                {
                    continue;
                }

                var videoId = slice.Videos[e.Video];
                CollectionsMarshal.GetValueRefOrAddDefault(sum.Videos, videoId, out _).Add(e.Kind, e.Count);
                if (sliceRoutes[e.Video] is not { } route || (route.MatchingTitles.Length == 0 && route.Entry.AnchorLink is null))
                {
                    continue;
                }

                sum.RoutedVideos.Add(videoId);

                var day = TitleAnalyticsKeys.DayOf(minute);
                foreach (var titleId in route.MatchingTitles)
                {
                    ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(sum.TitleMinutes, new TitleMinute(titleId, minute), out _);
                    counts.Matching.Add(e.Kind, e.Count);
                    if (route.Entry.AnchorLink == titleId)
                    {
                        counts.Linked.Add(e.Kind, e.Count);
                    }

                    var keys = sum.KeysOf(titleId, day);
                    CollectionsMarshal.GetValueRefOrAddDefault(keys, (TopListKind.Video, videoId), out _).Add(e.Kind, e.Count);
                    CollectionsMarshal.GetValueRefOrAddDefault(keys, (TopListKind.Creator, route.Entry.CreatorId), out _).Add(e.Kind, e.Count);
                    foreach (var hashtag in route.Entry.Hashtags)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(keys, (TopListKind.Hashtag, hashtag), out _).Add(e.Kind, e.Count);
                    }
                }
            }
        }

        return sum;
    }

    /// <summary>Adds a slice's per-video minutes (what a store rebuilds from the log when it holds them
    /// between writes).</summary>
    public static void AddVideoMinutes(SliceReader slice, Dictionary<VideoMinute, Counts> into)
    {
        foreach (var e in slice.Events.Span)
        {
            AddVideoMinute(into, slice, e);
        }
    }

    /// <summary>Only a track that names a season can be a round's entry, and only entries' videos are flagged or
    /// excluded: the other tracks' videos (most of a platform's) keep no minutes.</summary>
    private static void AddVideoMinute(Dictionary<VideoMinute, Counts> into, SliceReader slice, in EngagementEvent e)
    {
        if (slice.KeepsVideoMinute(e))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(into, new VideoMinute(slice.Videos[e.Video], slice.Tracks[e.Track], e.Minute), out _).Add(e.Kind, e.Count);
        }
    }
}

/// <summary>The sums of one delivery (see <see cref="DeliveryAggregation"/>).</summary>
public sealed class DeliveryAggregate
{
    public int Events { get; set; }

    public Dictionary<string, Counts> Videos { get; } = new(StringComparer.Ordinal);

    /// <summary>The delivery's videos that match a title or link to one (the others matter to no title).</summary>
    public HashSet<string> RoutedVideos { get; } = new(StringComparer.Ordinal);

    public Dictionary<TrackMinute, Counts> TrackMinutes { get; } = [];

    /// <summary>The same counts per video (uses included): what a round's exclusions and flags look at.</summary>
    public Dictionary<VideoMinute, Counts> VideoMinutes { get; } = [];

    public Dictionary<TitleMinute, TitleMinuteDelta> TitleMinutes { get; } = [];

    /// <summary>Per title-day, per top list and key: the engagement the delivery adds.</summary>
    public Dictionary<(string TitleId, long Day), Dictionary<(TopListKind List, string Key), Counts>> TitleKeys { get; } = [];

    public void Clear()
    {
        Events = 0;
        Videos.Clear();
        RoutedVideos.Clear();
        TrackMinutes.Clear();
        VideoMinutes.Clear();
        TitleMinutes.Clear();
        TitleKeys.Clear();
    }

    public Dictionary<(TopListKind List, string Key), Counts> KeysOf(string titleId, long day)
    {
        if (!TitleKeys.TryGetValue((titleId, day), out var keys))
        {
            TitleKeys[(titleId, day)] = keys = [];
        }

        return keys;
    }
}
