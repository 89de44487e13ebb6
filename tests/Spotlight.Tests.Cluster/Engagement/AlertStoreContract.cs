using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Tests.Cluster.Engagement;

/// <summary>
/// What every store promises for trend alerts (<see cref="IAlertStore"/>): a rule counts the commits after it
/// was added and none before; commits of different partitions count side by side, and evaluation after them
/// fires each window once however they interleave; a restarted projector finds the keys its commits changed.
/// </summary>
public abstract class AlertStoreContract
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset WindowStart = AlertWindows.StartOf(AlertWindows.IndexOf(Now, 60), 60);

    private static readonly Dictionary<string, VideoRoute> Routes = new()
    {
        ["v1"] = new(new VideoEntry("v1", null, "c1", 0, ["moonlit"], "", [], null), ["title-a"], 1),
        ["v2"] = new(new VideoEntry("v2", null, "c2", 0, ["moonlit"], "", [], null), ["title-a"], 1),
    };

    protected abstract Task<IEngagementStore> CreateStoreAsync();

    [Fact]
    public async Task ARule_CountsOnlyCommitsAfterIt_AndAWindowFiresOnce_WhenPartitionsCommitTogether()
    {
        var store = await CreateStoreAsync();
        var alerts = (IAlertStore)store;
        var before = await store.CommitAsync(Commit(0, 0, 1, ("v1", 500)), CancellationToken.None);
        Assert.Equal(AlertRuleAdded.Added, await alerts.AddRuleAsync(Rule("rate", AlertKind.EngagementRate, 100), 20, CancellationToken.None));

        // Four partitions commit and evaluate at once, each adding 30 views: only all of them together pass 100.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => store.CommitAsync(Commit(p, p == 0 ? 1 : 0, 2, ("v1", 30)), CancellationToken.None)));
        var fired = await Task.WhenAll(outcomes.Select(o => alerts.EvaluateAsync(o.AlertKeys, Now, CancellationToken.None)));

        Assert.Empty(before.AlertKeys);
        var alert = Assert.Single(fired.SelectMany(f => f));
        Assert.Equal(("title-a", "rate", AlertKind.EngagementRate, WindowStart, 60, (string?)null, 120L), (alert.TitleId, alert.RuleId, alert.Kind, alert.WindowStart, alert.WindowMinutes, alert.Subject, alert.Figure));
        Assert.Empty(await alerts.EvaluateAsync(outcomes[0].AlertKeys, Now, CancellationToken.None));
        Assert.Equal([alert], await alerts.ReadFiredAsync("title-a", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task EachKind_FiresOnItsSubject_AndHashtagRisingComparesTheWindowBefore()
    {
        var store = await CreateStoreAsync();
        var alerts = (IAlertStore)store;
        await alerts.AddRuleAsync(Rule("breakout", AlertKind.VideoBreakout, 50), 20, CancellationToken.None);
        await alerts.AddRuleAsync(Rule("rising", AlertKind.HashtagRising, 40) with { WindowMinutes = 10, Factor = 3m }, 20, CancellationToken.None);
        var earlier = Now.AddMinutes(-10);

        var first = await store.CommitAsync(CommitAt(1, 0, 1, ("v1", 20, earlier), ("v2", 40, Now)), CancellationToken.None);
        var firstFired = await alerts.EvaluateAsync(first.AlertKeys, Now, CancellationToken.None);
        var firstRead = await alerts.ReadFiredAsync("title-a", null, 10, CancellationToken.None);
        var second = await store.CommitAsync(Commit(1, 1, 2, ("v2", 20)), CancellationToken.None);
        var secondFired = await alerts.EvaluateAsync(second.AlertKeys, Now, CancellationToken.None);

        // 40 hashtag views is not 3 × the 20 before; 60 is. v2's 60 views break out past 50, recorded by the commit.
        Assert.Empty(firstFired);
        Assert.Empty(firstRead);
        Assert.Equal([("rising", "moonlit", 60L)], secondFired.Select(f => (f.RuleId, f.Subject!, f.Figure)));
        Assert.Equal(
            [("breakout", "v2", 60L), ("rising", "moonlit", 60L)],
            (await alerts.ReadFiredAsync("title-a", null, 10, CancellationToken.None)).Select(f => (f.RuleId, f.Subject!, f.Figure)).OrderBy(f => f.RuleId));
    }

    [Fact]
    public async Task Breakouts_OnVideosOfDifferentPartitions_InOneWindow_AreRecordedOnce()
    {
        var store = await CreateStoreAsync();
        var alerts = (IAlertStore)store;
        await alerts.AddRuleAsync(Rule("breakout", AlertKind.VideoBreakout, 10), 20, CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => store.CommitAsync(Commit(p, 0, 1, (p % 2 == 0 ? "v1" : "v2", 20)), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.True(o.Committed));
        var alert = Assert.Single(await alerts.ReadFiredAsync("title-a", null, 10, CancellationToken.None));
        Assert.Equal(("breakout", WindowStart, 20L), (alert.RuleId, alert.WindowStart, alert.Figure));
    }

    [Fact]
    public async Task KeysChangedAfterAnOffset_AreThoseLaterCommitsCounted()
    {
        var store = await CreateStoreAsync();
        var alerts = (IAlertStore)store;
        await alerts.AddRuleAsync(Rule("rising", AlertKind.HashtagRising, 1_000), 20, CancellationToken.None);
        await store.CommitAsync(Commit(2, 0, 4, ("v1", 1)), CancellationToken.None);
        await store.CommitAsync(Commit(2, 4, 9, ("v2", 1)), CancellationToken.None);
        await store.CommitAsync(Commit(3, 0, 9, ("v1", 1)), CancellationToken.None);
        await store.CommitAsync(CommitAt(2, 9, 12, ("v1", 1, Now.AddHours(-1))), CancellationToken.None);

        var changed = await alerts.KeysChangedAfterAsync(2, 9, CancellationToken.None);

        Assert.Equal([new AlertKey("title-a", "rising", AlertWindows.IndexOf(Now.AddHours(-1), 60), "moonlit")], changed);
        Assert.Equal(2, (await alerts.KeysChangedAfterAsync(2, 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task FiredAlerts_ReadNewestFirstByPage_OrSinceASequence()
    {
        var store = await CreateStoreAsync();
        var alerts = (IAlertStore)store;
        await alerts.AddRuleAsync(Rule("rate", AlertKind.EngagementRate, 5) with { WindowMinutes = 1 }, 20, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            var outcome = await store.CommitAsync(CommitAt(0, i, i + 1, ("v1", 10, Now.AddMinutes(-i))), CancellationToken.None);
            Assert.Single(await alerts.EvaluateAsync(outcome.AlertKeys, Now, CancellationToken.None));
        }

        var all = await alerts.ReadFiredAsync("title-a", null, 10, CancellationToken.None);
        var older = await alerts.ReadFiredAsync("title-a", all[0].Sequence, 1, CancellationToken.None);
        var since = await alerts.ReadFiredSinceAsync("title-a", all[2].Sequence, 10, CancellationToken.None);

        Assert.Equal(3, all.Count);
        Assert.True(all[0].Sequence > all[1].Sequence && all[1].Sequence > all[2].Sequence);
        Assert.Equal([all[1]], older);
        Assert.Equal([all[1], all[0]], since);
        Assert.Empty(await alerts.ReadFiredAsync("title-b", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ARule_IsRefused_WhenItsIdIsTaken_OrItsTitleIsFull()
    {
        var alerts = (IAlertStore)await CreateStoreAsync();

        Assert.Equal(AlertRuleAdded.Added, await alerts.AddRuleAsync(Rule("r1", AlertKind.EngagementRate, 5), 2, CancellationToken.None));
        Assert.Equal(AlertRuleAdded.IdTaken, await alerts.AddRuleAsync(Rule("r1", AlertKind.VideoBreakout, 5), 2, CancellationToken.None));
        Assert.Equal(AlertRuleAdded.Added, await alerts.AddRuleAsync(Rule("r2", AlertKind.EngagementRate, 5), 2, CancellationToken.None));
        Assert.Equal(AlertRuleAdded.TitleFull, await alerts.AddRuleAsync(Rule("r3", AlertKind.EngagementRate, 5), 2, CancellationToken.None));
        Assert.Equal(AlertRuleAdded.Added, await alerts.AddRuleAsync(Rule("r1", AlertKind.EngagementRate, 5) with { TitleId = "title-b" }, 2, CancellationToken.None));
        Assert.Equal(["r1", "r2"], (await alerts.ReadRulesAsync("title-a", CancellationToken.None)).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Maintenance_DropsCountsOfWindowsNoEventCanReach()
    {
        var store = await CreateStoreAsync();
        var alerts = (IAlertStore)store;
        await alerts.AddRuleAsync(Rule("rate", AlertKind.EngagementRate, 1_000), 20, CancellationToken.None);
        await store.CommitAsync(CommitAt(0, 0, 1, ("v1", 1, Now.AddDays(-3)), ("v2", 1, Now)), CancellationToken.None);

        var maintained = await store.MaintainAsync(Now.AddDays(EngagementStoreContract.Options.DedupeWindow.TotalDays + 1), CancellationToken.None);

        Assert.Equal([AlertWindows.IndexOf(Now, 60)], (await alerts.KeysChangedAfterAsync(0, 0, CancellationToken.None)).Select(k => k.Window));
        Assert.True(maintained.TopRowsTrimmed >= 1);
    }

    private static AlertRule Rule(string id, AlertKind kind, long threshold) => new(id, "title-a", kind, threshold, 60, 2m, "sam", Now);

    private static DeliveryCommit Commit(int partition, long previous, long last, params (string Video, int Views)[] views) =>
        CommitAt(partition, previous, last, [.. views.Select(v => (v.Video, v.Views, Now))]);

    private static DeliveryCommit CommitAt(int partition, long previous, long last, params (string Video, int Views, DateTimeOffset At)[] views)
    {
        var events = views.Select(v => (v.Video, EngagementKind.View, v.Views, v.At)).ToArray();
        var slice = SliceReader.Read(SliceWriter.Write(GrainInterfaces.Engagement.IngestBatch.Of("b", events), [.. Enumerable.Range(0, events.Length)], new string?[events.Length]));
        return new DeliveryCommit(partition, previous, last, videos: views.GroupBy(v => v.Video).ToDictionary(g => g.Key, g => new Spotlight.Domain.Counts { Views = g.Sum(v => v.Views) }))
        {
            Alerts = new AlertInput([slice], Routes),
        };
    }
}
