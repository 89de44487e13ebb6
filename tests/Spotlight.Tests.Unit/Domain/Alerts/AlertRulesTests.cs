using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Tests.Unit.Domain.Alerts;

public class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("engagement-rate", 10_000, 15, null, AlertKind.EngagementRate, 2.0)]
    [InlineData("video-breakout", 500, 60, null, AlertKind.VideoBreakout, 2.0)]
    [InlineData("hashtag-rising", 100, 1440, 3.5, AlertKind.HashtagRising, 3.5)]
    [InlineData("hashtag-rising", 1, 1, null, AlertKind.HashtagRising, 2.0)]
    public void AValidRule_IsTaken(string kind, long threshold, int window, double? factor, AlertKind expected, double expectedFactor)
    {
        var (rule, errors) = AlertRules.Validate("title-1", new CreateAlertRuleCommand("rule-1", kind, threshold, window, (decimal?)factor), "sam", Now);

        Assert.Empty(errors);
        Assert.Equal(new AlertRule("rule-1", "title-1", expected, threshold, window, (decimal)expectedFactor, "sam", Now), rule);
    }

    [Theory]
    [InlineData(null, "engagement-rate", 10L, 15, null, "id")]
    [InlineData("bad id!", "engagement-rate", 10L, 15, null, "id")]
    [InlineData("r", null, 10L, 15, null, "kind")]
    [InlineData("r", "EngagementRate", 10L, 15, null, "kind")]
    [InlineData("r", "video-breakout", null, 15, null, "threshold")]
    [InlineData("r", "video-breakout", 0L, 15, null, "threshold")]
    [InlineData("r", "video-breakout", 10L, null, null, "window")]
    [InlineData("r", "video-breakout", 10L, 0, null, "window")]
    [InlineData("r", "video-breakout", 10L, 7, null, "window")]
    [InlineData("r", "video-breakout", 10L, 2880, null, "window")]
    [InlineData("r", "video-breakout", 10L, 15, 2.0, "factor")]
    [InlineData("r", "hashtag-rising", 10L, 15, 0.5, "factor")]
    [InlineData("r", "hashtag-rising", 10L, 15, 1001.0, "factor")]
    public void AMistake_IsNamedByItsField(string? id, string? kind, long? threshold, int? window, double? factor, string field)
    {
        var (rule, errors) = AlertRules.Validate("title-1", new CreateAlertRuleCommand(id, kind, threshold, window, (decimal?)factor), "sam", Now);

        Assert.Null(rule);
        Assert.Equal([field], errors.Select(e => e.Field));
    }
}
