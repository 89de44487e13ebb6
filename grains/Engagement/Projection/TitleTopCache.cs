using Spotlight.GrainInterfaces.Analytics;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// A projector's top lists of the title-days it writes: its partition's rows are its alone, so it keeps
/// them in memory (loaded from the store the first time a title-day comes up) and turns each delivery's
/// per-key engagement into the rows that change. Bounded: when full it starts over and reloads.
/// </summary>
public sealed class TitleTopCache(IEngagementStore store, int partition, int capacity)
{
    public const int MaxTitleDays = 4096;

    private readonly Dictionary<(string TitleId, long Day), BoundedTopList[]> _lists = [];

    public async Task<BoundedTopList[]> ListsOfAsync(string titleId, long day, CancellationToken cancellationToken)
    {
        if (_lists.TryGetValue((titleId, day), out var lists))
        {
            return lists;
        }

        if (_lists.Count >= MaxTitleDays)
        {
            _lists.Clear();
        }

        var rows = await store.LoadTitleTopsAsync(partition, titleId, day, cancellationToken);
        lists = [.. Enum.GetValues<TopListKind>().Select(kind => new BoundedTopList(kind, capacity))];
        foreach (var list in lists)
        {
            list.Load(rows);
        }

        return _lists[(titleId, day)] = lists;
    }

    /// <summary>Drops title-days whose rows in memory may be ahead of the store (their commit failed).</summary>
    public void Forget(IEnumerable<(string TitleId, long Day)> titleDays)
    {
        foreach (var key in titleDays)
        {
            _lists.Remove(key);
        }
    }
}
