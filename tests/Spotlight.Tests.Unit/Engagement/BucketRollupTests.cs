using Spotlight.Domain;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Tests.Unit.Engagement;

public class BucketRollupTests
{
    private static readonly RollupAges Ages = new(Minutes: 120, Hours: 48 * 60);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static long NowMinute => EventMinutes.MinuteOf(Now);

    [Fact]
    public void AMinute_RollsIntoItsHour_OnceTheWholeHourIsOlderThanTheMinuteAge()
    {
        var threeHoursAgo = EventMinutes.MinuteOf(Now.AddHours(-3).AddMinutes(15));
        var ninetyMinutesAgo = EventMinutes.MinuteOf(Now.AddMinutes(-90));

        Assert.Equal(BucketRollup.HourWidth, BucketRollup.TargetWidth(BucketRollup.MinuteWidth, threeHoursAgo, NowMinute, Ages, []));
        Assert.Equal(BucketRollup.MinuteWidth, BucketRollup.TargetWidth(BucketRollup.MinuteWidth, ninetyMinutesAgo, NowMinute, Ages, []));
    }

    [Fact]
    public void AnHour_RollsIntoItsDay_OnceTheWholeDayIsOlderThanTheHourAge()
    {
        var fourDaysAgo = EventMinutes.Floor(EventMinutes.MinuteOf(Now.AddDays(-4)), 60);
        var yesterday = EventMinutes.Floor(EventMinutes.MinuteOf(Now.AddDays(-1)), 60);

        Assert.Equal(BucketRollup.DayWidth, BucketRollup.TargetWidth(BucketRollup.HourWidth, fourDaysAgo, NowMinute, Ages, []));
        Assert.Equal(BucketRollup.HourWidth, BucketRollup.TargetWidth(BucketRollup.HourWidth, yesterday, NowMinute, Ages, []));
        Assert.Equal(BucketRollup.DayWidth, BucketRollup.TargetWidth(BucketRollup.DayWidth, fourDaysAgo, NowMinute, Ages, []));
    }

    [Fact]
    public void ABucket_SpanningAWindowEdge_StaysFine()
    {
        var edge = EventMinutes.MinuteOf(Now.AddDays(-5).AddMinutes(30)); // an edge at hh:30
        var minuteBefore = edge - 10;

        Assert.Equal(BucketRollup.MinuteWidth, BucketRollup.TargetWidth(BucketRollup.MinuteWidth, minuteBefore, NowMinute, Ages, [edge]));
        // The hour that starts on an edge holds none strictly inside it.
        var onTheHour = EventMinutes.Floor(edge, 60) + 60;
        Assert.Equal(BucketRollup.HourWidth, BucketRollup.TargetWidth(BucketRollup.MinuteWidth, onTheHour + 5, NowMinute, Ages, [onTheHour]));
        Assert.Equal(BucketRollup.HourWidth, BucketRollup.TargetWidth(BucketRollup.HourWidth, onTheHour, NowMinute, Ages, [onTheHour]));
    }

    [Fact]
    public void RollingUp_KeepsEveryWindowSumWhoseEdgesAreKnown()
    {
        var buckets = new TrackBuckets();
        var random = new Random(7);
        var start = EventMinutes.MinuteOf(Now.AddDays(-10));
        var window = new FollowerWindow(Now.AddDays(-6).AddMinutes(-17), Now.AddDays(-2).AddMinutes(23));
        for (var minute = start; minute < NowMinute; minute += random.Next(1, 4))
        {
            buckets.Add(BucketRollup.MinuteWidth, minute, new Counts { Views = random.Next(1, 10), Uses = random.Next(0, 2) });
        }

        var (inWindow, all, count) = (buckets.Sum(window), buckets.Sum(long.MinValue, long.MaxValue), buckets.Count);
        var merged = buckets.Rollup(NowMinute, Ages, [.. window.Edges()]);

        Assert.True(merged > 0 && buckets.Count < count / 10, $"{count} buckets before, {buckets.Count} after");
        Assert.Equal(inWindow, buckets.Sum(window));
        Assert.Equal(all, buckets.Sum(long.MinValue, long.MaxValue));
    }
}
