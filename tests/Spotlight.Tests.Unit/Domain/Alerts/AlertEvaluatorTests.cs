using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Tests.Unit.Domain.Alerts;

/// <summary>The evaluator against a brute-force evaluation of the same engagement: the windows it fires for
/// are exactly those whose final counts meet the rule, each once, however the engagement is grouped into
/// deliveries (and, for the kinds that only grow, in whatever order it arrives).</summary>
public class AlertEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Videos = ["v1", "v2", "v3", "v4"];
    private static readonly string[] Tags = ["moonlit", "harbor", "lighthouse"];
    private static readonly EngagementKind[] Kinds = [EngagementKind.View, EngagementKind.View, EngagementKind.Like, EngagementKind.Comment, EngagementKind.Share, EngagementKind.Use];

    public static readonly TheoryData<AlertKind, long, int, int> Rules = new()
    {
        { AlertKind.EngagementRate, 400, 10, 1 },
        { AlertKind.EngagementRate, 2_000, 60, 2 },
        { AlertKind.VideoBreakout, 150, 15, 3 },
        { AlertKind.VideoBreakout, 600, 60, 4 },
        { AlertKind.HashtagRising, 80, 10, 5 },
        { AlertKind.HashtagRising, 200, 30, 6 },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void FiredWindows_AreTheBruteForceOnes_EachOnce(AlertKind kind, long threshold, int window, int seed)
    {
        var rule = new AlertRule("r", "t", kind, threshold, window, 2m, "sam", Start);
        var random = new Random(seed);
        var events = Engagement(random, hours: 6);
        // Deliveries of random sizes; the kinds that only grow also get the events shuffled.
        var arriving = kind == AlertKind.HashtagRising ? events : [.. events.OrderBy(_ => random.Next())];
        var evaluator = new AlertEvaluator(rule, TimeSpan.FromDays(1));
        var fired = new List<AlertFiring>();
        for (var i = 0; i < arriving.Count;)
        {
            var size = random.Next(1, 40);
            fired.AddRange(evaluator.Apply(arriving.Skip(i).Take(size)));
            i += size;
        }

        var expected = BruteForce(rule, events);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < events.Select(e => AlertWindows.IndexOf(e.At, window)).Distinct().Count(), "some windows must not fire, or the test proves little");
        Assert.Equal(expected.Order(), fired.Select(f => f.WindowStart).Order());
        Assert.Equal(fired.Count, fired.Select(f => f.WindowStart).Distinct().Count());
    }

    [Fact]
    public void AFiring_NamesWhatCrossedTheLine_AndItsFigure()
    {
        var evaluator = new AlertEvaluator(new AlertRule("breakout", "t", AlertKind.VideoBreakout, 100, 60, 2m, "sam", Start), TimeSpan.FromDays(1));

        Assert.Empty(evaluator.Apply([View("v1", 60), View("v2", 100)]));
        var firing = Assert.Single(evaluator.Apply([View("v1", 50), View("v2", 1)]));
        Assert.Equal(new AlertFiring("breakout", Start, "v1", 110), firing);
        Assert.Empty(evaluator.Apply([View("v2", 500)]));
    }

    [Fact]
    public void EngagementOlderThanTheHorizon_IsIgnored_AndOldWindowsAreForgotten()
    {
        var evaluator = new AlertEvaluator(new AlertRule("rate", "t", AlertKind.EngagementRate, 10, 60, 2m, "sam", Start), TimeSpan.FromHours(3));

        Assert.Single(evaluator.Apply([View("v1", 11, Start.AddHours(10))]));
        Assert.Empty(evaluator.Apply([View("v1", 11, Start.AddHours(2))]));
        Assert.Single(evaluator.Apply([View("v1", 11, Start.AddHours(8))]));
    }

    [Fact]
    public void HashtagRising_ComparesWithTheWindowBefore_AsItStands()
    {
        var evaluator = new AlertEvaluator(new AlertRule("rising", "t", AlertKind.HashtagRising, 10, 60, 3m, "sam", Start), TimeSpan.FromDays(1));

        Assert.Empty(evaluator.Apply([Tagged("moonlit", 8, Start)]));
        Assert.Empty(evaluator.Apply([Tagged("moonlit", 20, Start.AddHours(1))]));
        var firing = Assert.Single(evaluator.Apply([Tagged("moonlit", 4, Start.AddHours(1))]));
        Assert.Equal(("moonlit", 24L, Start.AddHours(1)), (firing.Subject, firing.Figure, firing.WindowStart));
        // The floor: a tiny hashtag tripling is not a trend.
        Assert.Empty(evaluator.Apply([Tagged("harbor", 1, Start.AddHours(2)), Tagged("harbor", 9, Start.AddHours(3))]));
    }

    private static List<AlertEngagement> Engagement(Random random, int hours)
    {
        var events = new List<AlertEngagement>();
        for (var minute = 0; minute < hours * 60; minute++)
        {
            // Quiet minutes and bursts, so that some windows cross the line and some do not.
            var burst = (minute / 45) % 3 == 1;
            for (var n = random.Next(burst ? 4 : 0, burst ? 12 : 3); n > 0; n--)
            {
                var tags = Tags.Where(_ => random.Next(3) == 0).ToList();
                events.Add(new AlertEngagement(Start.AddMinutes(minute).AddSeconds(random.Next(60)), Videos[random.Next(Videos.Length)], tags,
                    Kinds[random.Next(Kinds.Length)], random.Next(1, burst ? 60 : 20)));
            }
        }

        return events;
    }

    /// <summary>The rule evaluated on final counts, window by window.</summary>
    private static List<DateTimeOffset> BruteForce(AlertRule rule, List<AlertEngagement> events)
    {
        var window = (AlertEngagement e) => AlertWindows.IndexOf(e.At, rule.WindowMinutes);
        var windows = events.Select(window).Distinct().Order().ToList();
        var views = events.Where(e => e.Kind == EngagementKind.View).ToList();
        long TagCount(long w, string tag) => events.Where(e => window(e) == w && e.Kind != EngagementKind.Use && e.Hashtags.Contains(tag)).Sum(e => e.Count);
        return [.. windows.Where(w => rule.Kind switch
            {
                AlertKind.EngagementRate => views.Where(e => window(e) == w).Sum(e => e.Count) > rule.Threshold,
                AlertKind.VideoBreakout => Videos.Any(v => views.Where(e => window(e) == w && e.VideoId == v).Sum(e => e.Count) > rule.Threshold),
                _ => Tags.Any(tag => TagCount(w, tag) >= rule.Threshold && TagCount(w, tag) >= rule.Factor * TagCount(w - 1, tag)),
            })
            .Select(w => AlertWindows.StartOf(w, rule.WindowMinutes))];
    }

    private static AlertEngagement View(string video, long count, DateTimeOffset? at = null) => new(at ?? Start.AddMinutes(5), video, [], EngagementKind.View, count);

    private static AlertEngagement Tagged(string tag, long count, DateTimeOffset at) => new(at.AddMinutes(1), "v1", [tag], EngagementKind.Like, count);
}
