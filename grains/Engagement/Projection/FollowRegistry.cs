using System.Runtime.InteropServices;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Integrity;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// Who follows which tracks' popularity, and in which window: rounds follow their entries inside the round
/// window, regional playlists their cleared tracks over all time. A delivery's points go to the followers of
/// the tracks it touched, computed here from its per-minute counts (SPEC default weights). The stores keep
/// one registry each and change it only in step with commits, so a follower's snapshot and the points it is
/// told of afterwards never overlap or leave a gap. A follower may exclude a video's engagement over minutes
/// (a round's reviewer decision): those minutes' points are not its, whenever their events arrive. Not
/// thread-safe for writes; reads may run side by side.
/// </summary>
public sealed class FollowRegistry
{
    private readonly Dictionary<string, Follower> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Follower>> _followersOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Follower>> _excludersOf = new(StringComparer.Ordinal);
    private int _nextOrdinal;

    public int FollowerCount => _followers.Count;

    public bool IsFollowing(string follower) => _followers.ContainsKey(follower);

    public FollowerWindow? WindowOf(string follower) => _followers.GetValueOrDefault(follower)?.Window;

    public IReadOnlyCollection<string> TracksOf(string follower) => _followers.TryGetValue(follower, out var f) ? f.Tracks : [];

    public IReadOnlyList<string> FollowersOf(string trackId) =>
        _followersOf.TryGetValue(trackId, out var followers) ? [.. followers.Select(f => f.Name)] : [];

    /// <summary>Registers the follower (its window may not change) and adds tracks to it; returns the tracks it did not follow yet.</summary>
    public IReadOnlyList<string> Follow(string follower, FollowerWindow window, IEnumerable<string> trackIds)
    {
        if (!_followers.TryGetValue(follower, out var registered))
        {
            _followers[follower] = registered = new Follower(follower, window, _nextOrdinal++);
        }
        else if (registered.Window != window)
        {
            throw new InvalidOperationException($"Follower {follower} follows another window ({registered.Window}) than {window}.");
        }

        var added = new List<string>();
        foreach (var track in trackIds)
        {
            if (registered.Tracks.Add(track))
            {
                added.Add(track);
                if (!_followersOf.TryGetValue(track, out var followers))
                {
                    _followersOf[track] = followers = [];
                }

                followers.Add(registered);
            }
        }

        return added;
    }

    /// <summary>The follower no longer counts the video's engagement in the exclusion's minutes (added to what
    /// it excluded before; a minute excluded twice is excluded once).</summary>
    public void Exclude(string follower, EngagementExclusion exclusion)
    {
        var registered = _followers.GetValueOrDefault(follower) ?? throw new InvalidOperationException($"Follower {follower} does not follow.");
        if (!registered.Excluded.TryGetValue(exclusion.VideoId, out var minutes))
        {
            registered.Excluded[exclusion.VideoId] = minutes = new MinuteRanges();
            if (!_excludersOf.TryGetValue(exclusion.VideoId, out var excluders))
            {
                _excludersOf[exclusion.VideoId] = excluders = [];
            }

            excluders.Add(registered);
        }

        minutes.Add(exclusion.FirstMinute, exclusion.EndMinute);
    }

    /// <summary>Per video, the minutes the follower excludes.</summary>
    public IReadOnlyDictionary<string, MinuteRanges> ExclusionsOf(string follower) =>
        _followers.TryGetValue(follower, out var f) ? f.Excluded : new Dictionary<string, MinuteRanges>();

    public void Unfollow(string follower)
    {
        if (!_followers.Remove(follower, out var registered))
        {
            return;
        }

        foreach (var video in registered.Excluded.Keys)
        {
            var excluders = _excludersOf[video];
            excluders.Remove(registered);
            if (excluders.Count == 0)
            {
                _excludersOf.Remove(video);
            }
        }

        foreach (var track in registered.Tracks)
        {
            var followers = _followersOf[track];
            followers.Remove(registered);
            if (followers.Count == 0)
            {
                _followersOf.Remove(track);
            }
        }
    }

    public IEnumerable<FollowerWindow> Windows => _followers.Values.Select(f => f.Window);

    /// <summary>The minutes where some follower's window starts or ends (see <see cref="BucketRollup"/>).</summary>
    public IReadOnlyList<long> Edges() => [.. _followers.Values.SelectMany(f => f.Window.Edges()).Distinct().Order()];

    /// <summary>Per follower, per followed track: the points of <paramref name="minutes"/> inside its window, less
    /// those of <paramref name="videoMinutes"/> (the same events per video) that the follower excludes.</summary>
    public Dictionary<string, Dictionary<string, long>> PointsOf(Dictionary<TrackMinute, Counts> minutes, IReadOnlyDictionary<VideoMinute, Counts>? videoMinutes = null)
    {
        var byOrdinal = new Dictionary<string, long>?[_nextOrdinal];
        foreach (var (key, counts) in minutes)
        {
            if (!_followersOf.TryGetValue(key.TrackId, out var followers))
            {
                continue;
            }

            var value = counts.Points;
            if (value == 0)
            {
                continue;
            }

            foreach (var follower in followers)
            {
                if (follower.Window.Contains(key.Minute))
                {
                    var tracks = byOrdinal[follower.Ordinal] ??= new Dictionary<string, long>(minutes.Count, StringComparer.Ordinal);
                    CollectionsMarshal.GetValueRefOrAddDefault(tracks, key.TrackId, out _) += value;
                }
            }
        }

        if (_excludersOf.Count > 0 && videoMinutes is not null)
        {
            foreach (var (key, counts) in videoMinutes)
            {
                if (!_excludersOf.TryGetValue(key.VideoId, out var excluders))
                {
                    continue;
                }

                foreach (var follower in excluders)
                {
                    if (follower.Window.Contains(key.Minute) && follower.Tracks.Contains(key.TrackId) && follower.Excluded[key.VideoId].Contains(key.Minute))
                    {
                        var tracks = byOrdinal[follower.Ordinal] ??= new Dictionary<string, long>(StringComparer.Ordinal);
                        CollectionsMarshal.GetValueRefOrAddDefault(tracks, key.TrackId, out _) -= counts.Points;
                    }
                }
            }
        }

        var points = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var follower in _followers.Values)
        {
            if (byOrdinal[follower.Ordinal] is { } tracks)
            {
                points[follower.Name] = tracks;
            }
        }

        return points;
    }

    private sealed class Follower(string name, FollowerWindow window, int ordinal)
    {
        public string Name { get; } = name;

        public FollowerWindow Window { get; } = window;

        public int Ordinal { get; } = ordinal;

        public HashSet<string> Tracks { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MinuteRanges> Excluded { get; } = new(StringComparer.Ordinal);
    }
}
