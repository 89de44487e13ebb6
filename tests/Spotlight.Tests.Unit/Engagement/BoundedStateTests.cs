using Microsoft.Extensions.Options;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;
using Xunit.Abstractions;

namespace Spotlight.Tests.Unit.Engagement;

/// <summary>
/// SPEC "Bounded state": a year of engagement in every minute through one track and one title, with
/// maintenance every hour as a silo runs it. The track's buckets stay bounded however long it is engaged
/// (minutes roll into hours and days), and each title-day stays bounded however many videos engage it
/// (minutes, and top lists that keep what a report can show once the day can take no more events).
/// </summary>
public class BoundedStateTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Hours = 365 * 24;
    private const int VideosPerHour = 40;
    private const int TopCapacity = 256;

    [Fact]
    public async Task AYearOfMinutes_ThroughOneTrackAndOneTitle_StaysBounded()
    {
        var options = new EngagementOptions { Partitions = 1, TopListCapacity = TopCapacity };
        var store = new MemoryEngagementStore(Options.Create(options));
        // A round open in June, edges at half past: minutes next to its edges must survive the roll-ups.
        var round = new FollowerWindow(Start.AddDays(160).AddMinutes(30), Start.AddDays(190).AddMinutes(30));
        await store.FollowAsync("round/s/1", round, ["t1"], CancellationToken.None);
        var tops = new Dictionary<long, BoundedTopList>();
        var random = new Random(2026);
        long applied = 0, views = 0, inRound = 0, maxBuckets = 0, bucketsInJanuary = 0;
        for (var hour = 0; hour < Hours; hour++)
        {
            var firstMinute = EventMinutes.MinuteOf(Start.AddHours(hour));
            var commit = new DeliveryCommit(0, applied, applied + 1);
            for (var m = 0; m < 60; m++)
            {
                commit.TrackMinutes[new TrackMinute("t1", firstMinute + m)] = new Counts { Views = 1 };
                commit.TitleMinutes[new TitleMinute("title-1", firstMinute + m)] = new TitleMinuteDelta { Matching = new Counts { Views = 1 } };
                views++;
                inRound += round.Contains(firstMinute + m) ? 1 : 0;
            }

            var day = TitleAnalyticsKeys.DayOf(firstMinute);
            if (!tops.TryGetValue(day, out var list))
            {
                tops[day] = list = new BoundedTopList(TopListKind.Video, TopCapacity);
            }

            var rows = new List<TopListRow>();
            for (var v = 0; v < VideosPerHour; v++)
            {
                list.Add($"video-{hour}-{v}", new EngagementCounters(random.Next(1, 100), 0, 0, 0), rows);
            }

            commit.TitleTops.AddRange(rows.Select(r => new TitleTopRow("title-1", day, r)));
            Assert.True((await store.CommitAsync(commit, CancellationToken.None)).Committed);
            applied++;

            var maintained = await store.MaintainAsync(Start.AddHours(hour + 1), CancellationToken.None);
            maxBuckets = Math.Max(maxBuckets, maintained.TrackBuckets - (hour / 24));
            if (hour == 31 * 24)
            {
                bucketsInJanuary = maintained.TrackBuckets - 31;
            }
        }

        var (allTime, _) = await store.SumTrackAsync("t1", null, null, CancellationToken.None);
        var final = await store.MaintainAsync(Start.AddHours(Hours), CancellationToken.None);
        var snapshot = await store.LoadFollowerAsync("round/s/1", CancellationToken.None);
        var midYear = await store.LoadTitleDayAsync("title-1", TitleAnalyticsKeys.DayOf(EventMinutes.MinuteOf(Start.AddDays(180))), CancellationToken.None);
        var lastDay = await store.LoadTitleDayAsync("title-1", TitleAnalyticsKeys.DayOf(EventMinutes.MinuteOf(Start.AddHours(Hours - 1))), CancellationToken.None);
        output.WriteLine($"after a year of {views:N0} minutes: {final.TrackBuckets} track buckets (at most {maxBuckets} besides one a day); " +
            $"a mid-year title-day holds {midYear.Minutes.Count} minutes and {midYear.Tops.Count} top entries, the last day {lastDay.Tops.Count} ({Hours / 24 * 24 * VideosPerHour / 365:N0} videos a day)");

        // Exact: nothing was lost or counted twice by rolling up, in all time and in the round's window.
        Assert.Equal(views, allTime.Views);
        Assert.Equal(inRound, snapshot!.Points["t1"]);
        // The track: apart from one bucket per day of its life, at most 6 hours of minutes, 3 days of hours
        // and the minutes and hours next to the round's two edges; no more in December than in January.
        Assert.InRange(maxBuckets, 1, (6 * 60) + (3 * 24) + (2 * (60 + 24)));
        Assert.InRange(final.TrackBuckets - 365, 1, bucketsInJanuary + (2 * (60 + 24)));
        // A title-day: at most a day of minutes; its top list at most its capacity, and once the day is past the
        // dedupe window, what a report can show.
        Assert.Equal(24 * 60, midYear.Minutes.Count);
        Assert.Equal(MemoryEngagementStore.TrimmedTopListSize, midYear.Tops.Count);
        Assert.Equal(TopCapacity, lastDay.Tops.Count);
    }
}
