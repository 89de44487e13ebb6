using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain.Analytics;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// The most engaged keys (videos, creators or hashtags) of a title-day in bounded space: the Space-Saving
/// algorithm (Metwally, Agrawal, El Abbadi 2005) with weighted updates. While the list has held at most
/// <c>capacity</c> keys it is exact. After that a new key takes the place of the least engaged one and
/// inherits its counts, remembered as the new entry's <see cref="TopListRow.Error"/>: every key engaged more
/// than (total ÷ capacity) is listed, and a listed count overstates the truth by at most its error.
/// Each change is reported as the rows to store, so the store and its readers hold the same list.
/// </summary>
public sealed class BoundedTopList(TopListKind kind, int capacity)
{
    // A min-heap on engagement with each key's place in it, so the least engaged key is found in O(1) and
    // a change re-places one key in O(log capacity).
    private readonly List<Slot> _heap = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _heap.Count;

    public TopListKind Kind => kind;

    public IEnumerable<TopListRow> Rows => _heap.Select(s => new TopListRow(kind, s.Key, s.Counters, s.Error));

    /// <summary>Loads stored rows (only this list's kind).</summary>
    public void Load(IEnumerable<TopListRow> rows)
    {
        foreach (var row in rows.Where(r => r.List == kind && !r.Removed))
        {
            _index[row.Key] = _heap.Count;
            _heap.Add(new Slot(row.Key, row.Counters, row.Error));
            SiftUp(_heap.Count - 1);
        }
    }

    /// <summary>Adds engagement to a key; appends the rows that changed (the key's, and a removed one's).</summary>
    public void Add(string key, EngagementCounters delta, List<TopListRow> changes)
    {
        if (_index.TryGetValue(key, out var at))
        {
            var slot = _heap[at];
            _heap[at] = slot with { Counters = slot.Counters.Add(delta) };
            SiftDown(at);
            changes.Add(RowOf(key));
            return;
        }

        if (_heap.Count < capacity)
        {
            _index[key] = _heap.Count;
            _heap.Add(new Slot(key, delta, 0));
            SiftUp(_heap.Count - 1);
            changes.Add(RowOf(key));
            return;
        }

        // Full: the least engaged key leaves and the new one starts from its counts.
        var least = _heap[0];
        _index.Remove(least.Key);
        changes.Add(new TopListRow(kind, least.Key, least.Counters, least.Error, Removed: true));
        _heap[0] = new Slot(key, least.Counters.Add(delta), TitleMinuteMath.Engagement(least.Counters));
        _index[key] = 0;
        SiftDown(0);
        changes.Add(RowOf(key));
    }

    private TopListRow RowOf(string key)
    {
        var slot = _heap[_index[key]];
        return new TopListRow(kind, key, slot.Counters, slot.Error);
    }

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (_heap[parent].Engagement <= _heap[at].Engagement)
            {
                return;
            }

            Swap(at, parent);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var (left, right, smallest) = ((2 * at) + 1, (2 * at) + 2, at);
            if (left < _heap.Count && _heap[left].Engagement < _heap[smallest].Engagement)
            {
                smallest = left;
            }

            if (right < _heap.Count && _heap[right].Engagement < _heap[smallest].Engagement)
            {
                smallest = right;
            }

            if (smallest == at)
            {
                return;
            }

            Swap(at, smallest);
            at = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _index[_heap[a].Key] = a;
        _index[_heap[b].Key] = b;
    }

    private readonly record struct Slot(string Key, EngagementCounters Counters, long Error)
    {
        public long Engagement => TitleMinuteMath.Engagement(Counters);
    }
}
