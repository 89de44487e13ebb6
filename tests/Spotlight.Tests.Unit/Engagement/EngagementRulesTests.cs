using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Engagement;

public class EngagementRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(null, true)]
    [InlineData(-60 * 24 * 7 + 1, true)]
    [InlineData(-60 * 24 * 7 - 1, false)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void AnEventsTime_MayBeUpToTheDedupeWindowOld_AndFiveMinutesAhead(int? minutesFromNow, bool accepted)
    {
        var at = minutesFromNow is { } m ? Now.AddMinutes(m) : (DateTimeOffset?)null;

        var problem = EngagementRules.CheckEvent("v1", "view", null, at, Now, Window);

        Assert.Equal(accepted, problem is null);
        if (!accepted)
        {
            Assert.StartsWith("at: ", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AStaleEvent_SaysHowLongTheWindowIs() =>
        Assert.Equal("at: older than the dedupe window (7 days).", EngagementRules.CheckEvent("v1", "like", 2, Now.AddDays(-8), Now, Window));

    [Theory]
    [InlineData("bad id!", "view", 1, "videoId")]
    [InlineData("v1", "use", 1, "kind")]
    [InlineData("v1", "view", 0, "count")]
    [InlineData("v1", "view", 10_001, "count")]
    public void EachFieldOfAnEvent_IsCheckedAndNamed(string video, string kind, int count, string field) =>
        Assert.StartsWith(field + ":", EngagementRules.CheckEvent(video, kind, count, null, Now, Window), StringComparison.Ordinal);
}
