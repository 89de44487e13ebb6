using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>The event-time window a follower counts popularity in: [opens, closes), either side open (a
/// playlist follows all time). Rounds' windows lie on whole minutes, so minute sums are exact. Its minute
/// bounds are computed once (a window never changes; do not derive one with <c>with</c>).</summary>
public sealed record FollowerWindow(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt)
{
    public static readonly FollowerWindow AllTime = new(null, null);

    private readonly (long First, long End) _minutes = EventMinutes.Bounds(OpensAt, ClosesAt);

    public bool Contains(long minute) => minute >= _minutes.First && minute < _minutes.End;

    /// <summary>The minutes where the window starts and ends: buckets coarser than a minute must not span them.</summary>
    public IEnumerable<long> Edges()
    {
        if (OpensAt is not null)
        {
            yield return _minutes.First;
        }

        if (ClosesAt is not null)
        {
            yield return _minutes.End;
        }
    }
}

/// <summary>A follower's tracks with their points inside its window, as of the store positions
/// <see cref="Positions"/> (per partition, the offset its counts include).</summary>
public sealed record FollowerSnapshot(IReadOnlyDictionary<string, long> Points, long[] Positions);
