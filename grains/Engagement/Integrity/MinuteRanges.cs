namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>A set of minutes kept as disjoint, sorted [first, end) ranges: excluding a range twice, or two
/// overlapping ranges, excludes each minute once.</summary>
public sealed class MinuteRanges
{
    private readonly List<(long First, long End)> _ranges = [];

    public IReadOnlyList<(long First, long End)> Ranges => _ranges;

    public void Add(long first, long end)
    {
        if (end <= first)
        {
            return;
        }

        // Swallow every range that touches [first, end), then insert the union where it belongs.
        var at = 0;
        while (at < _ranges.Count && _ranges[at].End < first)
        {
            at++;
        }

        while (at < _ranges.Count && _ranges[at].First <= end)
        {
            first = Math.Min(first, _ranges[at].First);
            end = Math.Max(end, _ranges[at].End);
            _ranges.RemoveAt(at);
        }

        _ranges.Insert(at, (first, end));
    }

    public bool Contains(long minute)
    {
        // Few ranges per video: a scan is cheaper than a search.
        foreach (var (first, end) in _ranges)
        {
            if (minute < first)
            {
                return false;
            }

            if (minute < end)
            {
                return true;
            }
        }

        return false;
    }
}
