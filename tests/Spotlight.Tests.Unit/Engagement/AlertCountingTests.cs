using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

/// <summary>
/// Alerts as the stores run them (counts per partition written by commits, evaluated afterwards against the
/// sum) against the single-threaded <see cref="AlertEvaluator"/> fed the same engagement: the same windows
/// fire, each once, however deliveries spread over partitions and however late their evaluation comes.
/// </summary>
public class AlertCountingTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly EngagementKind[] Kinds = [EngagementKind.View, EngagementKind.View, EngagementKind.Like, EngagementKind.Comment, EngagementKind.Share, EngagementKind.Use];

    /// <summary>v1 and v2 match title a, v3 matches a and b, v4 only b, v5 none.</summary>
    private static readonly Dictionary<string, VideoRoute> Routes = new()
    {
        ["v1"] = Route("v1", ["moonlit"], "a"),
        ["v2"] = Route("v2", ["moonlit", "harbor"], "a"),
        ["v3"] = Route("v3", ["harbor"], "a", "b"),
        ["v4"] = Route("v4", ["lighthouse"], "b"),
        ["v5"] = Route("v5", ["moonlit"]),
    };

    private static readonly AlertRule[] TitleRules =
    [
        new("rate", "a", AlertKind.EngagementRate, 250, 10, 2m, "sam", Start),
        new("breakout", "a", AlertKind.VideoBreakout, 120, 15, 2m, "sam", Start),
        new("rate", "b", AlertKind.EngagementRate, 500, 30, 2m, "sam", Start),
        new("breakout", "b", AlertKind.VideoBreakout, 380, 60, 2m, "sam", Start),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WindowsThatOnlyGrow_FireAsTheEvaluatorSays_OverPartitions_WithLateEvaluation(int seed)
    {
        var random = new Random(seed);
        var events = Engagement(random, hours: 6);
        var book = BookWith(TitleRules);
        var fired = new List<FiredAlert>();
        var owed = new List<AlertKey>();
        // Deliveries of random sizes on random partitions; each delivery's evaluation may wait for later ones
        // (a projector that failed and retries, or one whose concurrent commit is not visible yet).
        foreach (var delivery in Deliveries(random, [.. events.OrderBy(_ => random.Next())]))
        {
            owed.AddRange(book.Commit(random.Next(4), 1, Input(delivery), Start));
            if (random.Next(3) == 0)
            {
                fired.AddRange(book.Evaluate(owed, Start));
                owed.Clear();
            }
        }

        fired.AddRange(book.Evaluate(owed, Start));
        // Breakouts are recorded by the commits themselves (a video's windows have one partition).
        fired.AddRange(new[] { "a", "b" }.SelectMany(t => book.ReadFired(t, f => f.Kind == AlertKind.VideoBreakout, newestFirst: false, 1_000)));

        foreach (var rule in TitleRules)
        {
            var expected = Reference(rule, [[.. events]]);
            var got = fired.Where(f => f.TitleId == rule.TitleId && f.RuleId == rule.Id).ToList();
            // Some windows fire and some do not, or the comparison proves little.
            Assert.InRange(expected.Count, 1, (6 * 60 / rule.WindowMinutes) - 1);
            Assert.Equal(expected.Select(f => f.WindowStart).Order(), got.Select(f => f.WindowStart).Order());
            Assert.All(got, f => Assert.True(f.Figure > rule.Threshold));
        }

        Assert.Empty(book.Evaluate([.. Enumerable.Range(0, 4).SelectMany(p => book.KeysChangedAfter(p, 0))], Start));
    }

    [Fact]
    public void HashtagRising_EvaluatedAfterEachDelivery_FiresAsTheEvaluatorDoes()
    {
        var rule = new AlertRule("rising", "a", AlertKind.HashtagRising, 80, 10, 3m, "sam", Start);
        var random = new Random(7);
        var events = Engagement(random, hours: 6);
        var deliveries = Deliveries(random, events);
        var book = BookWith([rule]);

        var fired = new List<FiredAlert>();
        foreach (var delivery in deliveries)
        {
            fired.AddRange(book.Evaluate(book.Commit(random.Next(4), 1, Input(delivery), Start), Start));
        }

        var expected = Reference(rule, deliveries);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(f => (f.WindowStart, f.Subject, f.Figure)), fired.Select(f => (f.WindowStart, f.Subject, f.Figure)));
    }

    [Fact]
    public void OnlyTheRulesTitles_MatchingVideos_AndNoUses_AreCounted()
    {
        var book = BookWith([new AlertRule("rate", "a", AlertKind.EngagementRate, 10, 60, 2m, "sam", Start)]);

        var counts = AlertCounting.Count(book.Rules, Input([
            ("v1", EngagementKind.View, 5, Start), ("v1", EngagementKind.Use, 9, Start), ("v4", EngagementKind.View, 7, Start),
            ("v5", EngagementKind.View, 3, Start), ("v3", EngagementKind.Like, 2, Start), ("unknown", EngagementKind.View, 1, Start)]));

        Assert.Equal(new Dictionary<AlertKey, long> { [new("a", "rate", AlertWindows.IndexOf(Start, 60), "")] = 5 }, counts.Rules);
        Assert.Empty(counts.Videos);
        Assert.Empty(AlertCounting.Count(AlertRuleSet.Empty, Input([("v1", EngagementKind.View, 5, Start)])).Rules);
    }

    [Fact]
    public void ABreakout_IsDecidedInItsCommit_OncePerWindow_CountingAVideosViewsOnceForEveryRuleThatWatchesIt()
    {
        var book = BookWith([
            new AlertRule("breakout", "a", AlertKind.VideoBreakout, 10, 60, 2m, "sam", Start),
            new AlertRule("breakout-too", "a", AlertKind.VideoBreakout, 15, 60, 2m, "sam", Start),
            new AlertRule("breakout", "b", AlertKind.VideoBreakout, 10, 60, 2m, "sam", Start)]);

        var counts = AlertCounting.Count(book.Rules, Input([("v3", EngagementKind.View, 12, Start), ("v3", EngagementKind.Like, 50, Start)]));
        Assert.Empty(book.Commit(0, 1, Input([("v3", EngagementKind.View, 12, Start), ("v1", EngagementKind.View, 4, Start)]), Start));
        book.Commit(0, 2, Input([("v3", EngagementKind.View, 4, Start), ("v1", EngagementKind.View, 20, Start)]), Start);

        // v3 matches a and b: one count for both titles' rules of its window length.
        Assert.Equal(new Dictionary<VideoWindow, long> { [new("v3", 60, AlertWindows.IndexOf(Start, 60))] = 12 }, counts.Videos);
        var fired = ((string[])["a", "b"]).SelectMany(t => book.ReadFired(t, _ => true, newestFirst: false, 10)).Select(f => (f.TitleId, f.RuleId, f.Subject, f.Figure));
        Assert.Equal([("a", "breakout", "v3", 12L), ("a", "breakout-too", "v1", 24L), ("b", "breakout", "v3", 12L)], fired);
    }

    [Fact]
    public void AFiredWindow_IsNoLongerCounted_ExceptAsAHashtagBaseline_OrWhileABreakoutRuleWatchingTheVideoHasNotFired()
    {
        var book = BookWith([
            new AlertRule("rate", "a", AlertKind.EngagementRate, 10, 60, 2m, "sam", Start),
            new AlertRule("rising", "a", AlertKind.HashtagRising, 10, 60, 2m, "sam", Start),
            new AlertRule("breakout", "a", AlertKind.VideoBreakout, 10, 60, 2m, "sam", Start),
            new AlertRule("breakout", "b", AlertKind.VideoBreakout, 10, 60, 2m, "sam", Start)]);
        var window = AlertWindows.IndexOf(Start, 60);
        HashSet<(string, string, long)> fired = [("a", "rate", window), ("a", "rising", window), ("a", "breakout", window)];

        var counts = AlertCounting.Count(book.Rules, Input([("v3", EngagementKind.View, 12, Start), ("v1", EngagementKind.View, 5, Start)]), fired.Contains);

        // The rate's window is done; the hashtag's is the next window's baseline; v3 is still watched by b's rule, v1 by none.
        Assert.DoesNotContain(counts.Rules.Keys, k => k.RuleId == "rate");
        Assert.Equal(17, counts.Rules.Where(k => k.Key.RuleId == "rising").Sum(k => k.Value));
        Assert.Equal(new Dictionary<VideoWindow, long> { [new("v3", 60, window)] = 12 }, counts.Videos);

        fired.Add(("b", "breakout", window));
        Assert.Empty(AlertCounting.Count(book.Rules, Input([("v3", EngagementKind.View, 12, Start)]), fired.Contains).Videos);
        Assert.Equal(12, AlertCounting.Count(book.Rules, Input([("v3", EngagementKind.View, 12, Start.AddHours(1))]), fired.Contains).Videos.Single().Value);
    }

    [Fact]
    public void AWindow_FiresOnce_HoweverOftenItIsEvaluated()
    {
        var book = BookWith([new AlertRule("rate", "a", AlertKind.EngagementRate, 10, 60, 2m, "sam", Start)]);
        var keys = book.Commit(0, 1, Input([("v1", EngagementKind.View, 6, Start)]), Start);
        keys = [.. keys, .. book.Commit(1, 1, Input([("v2", EngagementKind.View, 6, Start)]), Start)];

        var first = Assert.Single(book.Evaluate(keys, Start));
        Assert.Empty(book.Evaluate(keys, Start));
        Assert.Empty(book.Evaluate(book.Commit(2, 2, Input([("v1", EngagementKind.View, 100, Start)]), Start), Start));
        Assert.Equal((12L, null, Start), (first.Figure, first.Subject, first.WindowStart));
    }

    private static MemoryAlertBook BookWith(IEnumerable<AlertRule> rules)
    {
        var book = new MemoryAlertBook();
        foreach (var rule in rules)
        {
            Assert.Equal(AlertRuleAdded.Added, book.AddRule(rule, 20));
        }

        return book;
    }

    /// <summary>The single-threaded evaluator over the title's engagement, delivery by delivery.</summary>
    private static List<AlertFiring> Reference(AlertRule rule, IEnumerable<(string Video, EngagementKind Kind, int Count, DateTimeOffset At)[]> deliveries)
    {
        var evaluator = new AlertEvaluator(rule, TimeSpan.FromDays(30));
        return [.. deliveries.SelectMany(delivery => evaluator.Apply(delivery
            .Where(e => Routes.TryGetValue(e.Video, out var route) && route.MatchingTitles.Contains(rule.TitleId))
            .Select(e => new AlertEngagement(e.At, e.Video, Routes[e.Video].Entry.Hashtags, e.Kind, e.Count))))];
    }

    private static List<(string Video, EngagementKind Kind, int Count, DateTimeOffset At)> Engagement(Random random, int hours)
    {
        var videos = Routes.Keys.Append("unknown").ToArray();
        var events = new List<(string, EngagementKind, int, DateTimeOffset)>();
        for (var minute = 0; minute < hours * 60; minute++)
        {
            var burst = (minute / 25) % 3 == 1;
            for (var n = random.Next(burst ? 4 : 0, burst ? 12 : 3); n > 0; n--)
            {
                events.Add((videos[random.Next(videos.Length)], Kinds[random.Next(Kinds.Length)], random.Next(1, burst ? 60 : 15), Start.AddMinutes(minute).AddSeconds(random.Next(60))));
            }
        }

        return events;
    }

    private static List<(string Video, EngagementKind Kind, int Count, DateTimeOffset At)[]> Deliveries(Random random, List<(string Video, EngagementKind Kind, int Count, DateTimeOffset At)> events)
    {
        var deliveries = new List<(string, EngagementKind, int, DateTimeOffset)[]>();
        for (var i = 0; i < events.Count;)
        {
            var size = random.Next(1, 40);
            deliveries.Add([.. events.Skip(i).Take(size)]);
            i += size;
        }

        return deliveries;
    }

    /// <summary>A delivery as a projector hands it to a commit: one slice per few events, with the routes.</summary>
    private static AlertInput Input((string Video, EngagementKind Kind, int Count, DateTimeOffset At)[] events) => new(
        [.. events.Chunk(7).Select(chunk => SliceReader.Read(SliceWriter.Write(IngestBatch.Of("b", chunk), [.. Enumerable.Range(0, chunk.Length)], new string?[chunk.Length])))],
        Routes);

    private static VideoRoute Route(string videoId, string[] hashtags, params string[] titles) =>
        new(new VideoEntry(videoId, null, "creator", 0, hashtags, "", [], null), titles, 1);
}
