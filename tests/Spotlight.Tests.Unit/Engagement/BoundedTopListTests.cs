using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain.Analytics;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public class BoundedTopListTests
{
    [Fact]
    public void UpToItsCapacity_TheListIsExact_AndReportsEveryChangedRow()
    {
        var list = new BoundedTopList(TopListKind.Video, capacity: 3);
        var changes = new List<TopListRow>();

        list.Add("a", new EngagementCounters(5, 0, 0, 0), changes);
        list.Add("b", new EngagementCounters(1, 1, 0, 0), changes);
        list.Add("a", new EngagementCounters(0, 0, 2, 0), changes);

        Assert.Equal([("a", 5L, 0L, 0L), ("b", 1L, 1L, 0L), ("a", 5L, 0L, 2L)], changes.Select(c => (c.Key, c.Counters.Views, c.Counters.Likes, c.Counters.Comments)));
        Assert.All(list.Rows, r => Assert.Equal(0, r.Error));
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void WhenFull_ANewKeyTakesTheLeastEngagedPlace_InheritingItsCountsAsError()
    {
        var list = new BoundedTopList(TopListKind.Hashtag, capacity: 2);
        var changes = new List<TopListRow>();
        list.Add("big", new EngagementCounters(100, 0, 0, 0), changes);
        list.Add("small", new EngagementCounters(3, 0, 0, 0), changes);
        changes.Clear();

        list.Add("new", new EngagementCounters(1, 0, 0, 0), changes);

        Assert.Equal(new TopListRow(TopListKind.Hashtag, "small", new EngagementCounters(3, 0, 0, 0), 0, Removed: true), changes[0]);
        Assert.Equal(new TopListRow(TopListKind.Hashtag, "new", new EngagementCounters(4, 0, 0, 0), 3), changes[1]);
        Assert.Equal(["big", "new"], list.Rows.Select(r => r.Key).Order());
    }

    [Fact]
    public void OverARandomStream_EveryHeavyKeyIsListed_AndNoCountIsOffByMoreThanItsError()
    {
        var random = new Random(30);
        var truth = new Dictionary<string, long>();
        var list = new BoundedTopList(TopListKind.Video, capacity: 50);
        var total = 0L;
        for (var i = 0; i < 200_000; i++)
        {
            // A Zipf-like stream over 5,000 keys.
            var key = $"k{(int)Math.Floor(Math.Pow(5000, random.NextDouble()))}";
            var weight = random.Next(1, 4);
            truth[key] = truth.GetValueOrDefault(key) + weight;
            total += weight;
            list.Add(key, new EngagementCounters(weight, 0, 0, 0), []);
        }

        var rows = list.Rows.ToDictionary(r => r.Key);
        Assert.Equal(50, rows.Count);
        foreach (var (key, count) in truth.Where(t => t.Value > total / 50))
        {
            Assert.True(rows.ContainsKey(key), $"{key} has {count} of {total} and must be listed");
        }

        foreach (var (key, row) in rows)
        {
            var listed = TitleMinuteMath.Engagement(row.Counters);
            Assert.InRange(listed - truth[key], 0, row.Error);
        }

        // The list's counts still add up to everything it saw (Space-Saving's invariant).
        Assert.Equal(total, rows.Values.Sum(r => TitleMinuteMath.Engagement(r.Counters)));
    }

    [Fact]
    public void LoadedRows_ContinueAsIfTheListHadNeverStopped()
    {
        var original = new BoundedTopList(TopListKind.Creator, capacity: 2);
        original.Add("a", new EngagementCounters(5, 0, 0, 0), []);
        original.Add("b", new EngagementCounters(2, 0, 0, 0), []);
        var restored = new BoundedTopList(TopListKind.Creator, capacity: 2);
        restored.Load([.. original.Rows, new TopListRow(TopListKind.Video, "other list", EngagementCounters.Zero, 0)]);

        var fromOriginal = new List<TopListRow>();
        var fromRestored = new List<TopListRow>();
        original.Add("c", new EngagementCounters(1, 0, 0, 0), fromOriginal);
        restored.Add("c", new EngagementCounters(1, 0, 0, 0), fromRestored);

        Assert.Equal(fromOriginal, fromRestored);
    }
}
