using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain.Analytics;

namespace Spotlight.Tests.Unit.Domain;

public class TitleAnalyticsTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Midnight.AddHours(10).AddSeconds(30);

    [Theory]
    [InlineData(null, null, null, 1440L - 24 * 60, AnalyticsBucket.Hour)]
    [InlineData("minute", null, null, 1440L - 60, AnalyticsBucket.Minute)]
    [InlineData("day", null, null, 1440L - 30 * 1440, AnalyticsBucket.Day)]
    [InlineData("hour", "2026-11-23T09:00:59+09:00", "2026-11-23T10:00:00Z", 0L, AnalyticsBucket.Hour)]
    // 09:00:59 in Seoul is 00:00:59 UTC: "from" goes down to the whole minute (midnight).
    public void Range_Defaults_AndWholeMinutes(string? bucket, string? from, string? to, long expectedFromOffset, AnalyticsBucket expectedBucket)
    {
        var (range, errors) = AnalyticsRangeRules.Validate(from, to, bucket, null, Now);
        Assert.Empty(errors);
        var midnightMinute = Midnight.ToUnixTimeSeconds() / 60;
        // "to" defaults to now, rounded up to the next whole minute (10:01), so the current minute counts.
        var expectedTo = to is null ? midnightMinute + 601 : midnightMinute + 600;
        Assert.Equal(expectedTo, range!.ToMinute);
        Assert.Equal(expectedBucket, range.Bucket);
        Assert.Equal(to is null ? expectedTo - 1440 + expectedFromOffset : midnightMinute + expectedFromOffset, range.FromMinute);
        Assert.Equal(AnalyticsRangeRules.DefaultTop, range.Top);
    }

    [Theory]
    [InlineData("week", null, null, null, "bucket")]
    [InlineData(null, "2026-11-23", null, null, "from")]
    [InlineData(null, "2026-11-23T10:00:00", null, null, "from")]
    [InlineData(null, null, "soon", null, "to")]
    [InlineData(null, "2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z", null, "to")]
    [InlineData("minute", "2026-11-22T09:00:00Z", "2026-11-23T10:00:00Z", null, "from")]
    [InlineData("day", "2025-01-01T00:00:00Z", "2026-11-23T10:00:00Z", null, "from")]
    [InlineData(null, null, null, 101, "top")]
    public void Range_NamesTheBadField(string? bucket, string? from, string? to, int? top, string field)
    {
        var (range, errors) = AnalyticsRangeRules.Validate(from, to, bucket, top, Now);
        Assert.Null(range);
        Assert.Equal([field], errors.Select(e => e.Field));
    }

    [Fact]
    public void Report_ZeroFillsEveryBucket_CountsOnlyMinutesInRange_AndRanksTopListsWithStableTies()
    {
        var from = Midnight.ToUnixTimeSeconds() / 60 + 30;
        var range = new AnalyticsRange(from, from + 120, AnalyticsBucket.Hour, 2);
        var views = (long minute, long count) => new TitleMinuteCounts(minute, new EngagementCounters(count, 0, 0, 0), EngagementCounters.Zero, 1, new Dictionary<string, long> { ["StreamCo"] = 2 });
        var day = new TitleDayReport(range.FirstDay, [views(from - 1, 100), views(from, 1), views(from + 40, 2), views(from + 119, 4), views(from + 120, 100)],
            new Dictionary<string, EngagementCounters> { ["b"] = new(5, 0, 0, 0), ["a"] = new(5, 0, 0, 0), ["c"] = new(1, 1, 1, 1) },
            new Dictionary<string, EngagementCounters>(), new Dictionary<string, EngagementCounters>());

        var report = TitleAnalyticsReport.Build("t", range, [day]);

        Assert.Equal(7, report.Totals.Matching.Views);
        Assert.Equal(3, report.Totals.HubVisits);
        Assert.Equal(6, report.Totals.Clicks["StreamCo"]);
        Assert.Equal([1L, 2L, 4L], report.Series.Select(p => p.Matching.Views));
        Assert.Equal([Midnight, Midnight.AddHours(1), Midnight.AddHours(2)], report.Series.Select(p => p.Start));
        Assert.Equal(["a", "b"], report.Top.Videos.Select(v => v.Id));
        Assert.Equal((Midnight, Midnight.AddDays(1)), (report.Top.From, report.Top.To));
        Assert.False(report.Top.Approximate);
        Assert.True(TitleAnalyticsReport.Build("t", range, [day with { TopApproximate = true }]).Top.Approximate);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1439L, 0L)]
    [InlineData(1440L, 1L)]
    [InlineData(-1L, -1L)]
    [InlineData(-1440L, -1L)]
    [InlineData(-1441L, -2L)]
    public void Days_AreCountedFromTheEpoch_FlooringBeforeIt(long minute, long day) => Assert.Equal(day, TitleAnalyticsKeys.DayOf(minute));
}
