using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// One track's engagement over event time in memory (embedded mode's store; the PostgreSQL store keeps the
/// same buckets as rows): minutes as they arrive, rolled up into hours and days by <see cref="BucketRollup"/>.
/// A window sums the buckets that start inside it.
/// </summary>
public sealed class TrackBuckets
{
    private readonly Dictionary<(long Width, long Start), Counts> _buckets = [];

    public int Count => _buckets.Count;

    public IEnumerable<(long Width, long Start, Counts Counts)> All => _buckets.Select(b => (b.Key.Width, b.Key.Start, b.Value));

    public void Add(long width, long start, in Counts counts)
    {
        var key = (width, start);
        var current = _buckets.GetValueOrDefault(key);
        current.Add(counts);
        _buckets[key] = current;
    }

    public Counts Sum(long firstMinute, long endMinute)
    {
        var sum = default(Counts);
        foreach (var ((_, start), counts) in _buckets)
        {
            if (start >= firstMinute && start < endMinute)
            {
                sum.Add(counts);
            }
        }

        return sum;
    }

    public Counts Sum(FollowerWindow window)
    {
        var (first, end) = EventMinutes.Bounds(window.OpensAt, window.ClosesAt);
        return Sum(first, end);
    }

    /// <summary>Rolls up what may be rolled up (minutes first, so a minute can end up in a day in one go);
    /// returns how many buckets were merged into coarser ones.</summary>
    public int Rollup(long nowMinute, RollupAges ages, IReadOnlyList<long> edges)
    {
        var merged = 0;
        foreach (var width in new[] { BucketRollup.MinuteWidth, BucketRollup.HourWidth })
        {
            foreach (var key in _buckets.Keys.Where(k => k.Width == width).ToList())
            {
                var target = BucketRollup.TargetWidth(width, key.Start, nowMinute, ages, edges);
                if (target != width)
                {
                    var counts = _buckets[key];
                    _buckets.Remove(key);
                    Add(target, EventMinutes.Floor(key.Start, target), counts);
                    merged++;
                }
            }
        }

        return merged;
    }
}
