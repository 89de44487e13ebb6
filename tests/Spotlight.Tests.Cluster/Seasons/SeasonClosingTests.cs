using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Tests.Cluster.Embedded;

namespace Spotlight.Tests.Cluster.Seasons;

public class SeasonClosingTests(ThreeSiloClusterFixture fixture) : IClassFixture<ThreeSiloClusterFixture>
{
    /// <summary>Round 1 closes at the next whole minute at least this far ahead: time to enter 300 tracks.</summary>
    private static readonly TimeSpan Preparation = TimeSpan.FromSeconds(15);

    /// <summary>Closing time plus one reminder period, plus slack for a loaded machine.</summary>
    private static readonly TimeSpan ClosingWait = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ThreeHundredEntries_Round1ClosesByItsReminder_ThenExactly100_ThenExactly18_ThenWinners()
    {
        var grains = fixture.Cluster.Client;
        var seasonId = "close-" + Guid.NewGuid().ToString("N")[..8];
        var closes = SeasonWorkflow.WholeMinuteAfter(Preparation);
        await SeasonWorkflow.CreateAsync(grains, seasonId, SeasonWorkflow.ThreeRounds(closes));
        var entries = await SeasonWorkflow.EnterAsync(grains, seasonId, 300);
        var season = grains.GetGrain<ISeasonGrain>(seasonId);
        Assert.Equal(SeasonChangeOutcome.Done, await season.AddJudgeAsync("judge-1"));
        // Judges lift a few late entries above the submission order.
        foreach (var entry in entries.Take(30))
        {
            Assert.Equal(JudgeScoreOutcome.Scored, await season.ScoreAsync(1, "judge-1", entry.TrackId, 7));
        }

        Assert.True(DateTimeOffset.UtcNow < closes, "Preparation took longer than the time to closing; the reminder would not be what closes the round.");
        var first = await SeasonWorkflow.WaitForResultsAsync(grains, seasonId, 1, ClosingWait);

        Assert.True(first.ClosedAt >= closes);
        Assert.Equal(entries.Take(30).Select(e => e.TrackId).Order(), first.Rows.Take(30).Select(r => r.Row.TrackId).Order());
        // Once round 1 has closed, no more entries and no more scores.
        Assert.Equal(SeasonEntryOutcome.EntriesClosed, await season.EnterAsync(new RoundEntry("late", "a", "Late", DateTimeOffset.UtcNow), SeasonWorkflow.Region));
        Assert.Equal(JudgeScoreOutcome.RoundNotOpen, await season.ScoreAsync(1, "judge-1", entries[0].TrackId, 1));
        await SeasonWorkflow.AssertAdvancementAsync(grains, seasonId, first, ClosingWait);
    }

    [Fact]
    public async Task ScheduledCloseOfALaterRound_ClosesTheEarlierRoundFirst_WithoutDeadlock()
    {
        // Both closing times passed while the cluster was down: the final's reminder comes first.
        var grains = fixture.Cluster.Client;
        var seasonId = "order-" + Guid.NewGuid().ToString("N")[..8];
        var minute = SeasonWorkflow.MinuteOf(DateTimeOffset.UtcNow);
        await SeasonWorkflow.CreateAsync(grains, seasonId,
            new RoundPlan(null, minute.AddMinutes(-5), minute.AddHours(1), 8, null, null),
            SeasonWorkflow.Round(minute.AddHours(1), minute.AddHours(2)) with { Advance = 5 });
        await SeasonWorkflow.EnterAsync(grains, seasonId, 12);
        var final = grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, 2));

        Assert.Equal(RoundCloseOutcome.EarlierRoundOpen, await final.CloseAsync(SeasonWorkflow.Admin));
        Assert.Equal(RoundCloseOutcome.Closed, await final.CloseAsync(RoundResults.Schedule));

        var first = (await grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, 1)).GetResultsAsync())!;
        Assert.Equal(RoundResults.Schedule, first.ClosedBy);
        var finalResults = (await final.GetResultsAsync())!;
        Assert.Equal(first.Rows.Where(r => r.Advanced).Select(r => r.Row.TrackId).Order(), finalResults.Rows.Select(r => r.Row.TrackId).Order());
        Assert.Equal(5, finalResults.Rows.Count(r => r.Winner));
        var winner = await grains.GetGrain<ISeasonGrain>(seasonId).GetStandingAsync(finalResults.Rows[0].Row.TrackId);
        Assert.Equal((2, TrackOutcome.Winner, "Studio session"), (winner!.Round, winner.Outcome, winner.Prize));
    }

    [Fact]
    public async Task ARoundClosingMonthsAhead_GetsItsReminder()
    {
        // Seasons run for months: a closing reminder due far beyond a timer's 49.7-day limit must register.
        var grains = fixture.Cluster.Client;
        var seasonId = "long-" + Guid.NewGuid().ToString("N")[..8];
        var closes = SeasonWorkflow.MinuteOf(DateTimeOffset.UtcNow).AddDays(200);
        var schedule = new RoundSchedule(seasonId, 1, "Round 1", closes.AddDays(-30), closes, 5, 0.5m, 0.5m, IsFinal: true, []);

        // Called directly, so that a refused reminder fails here instead of in the season's retried follow-up.
        await grains.GetGrain<IRoundGrain>(schedule.Key).ScheduleAsync(schedule);

        Assert.Equal(RoundState.Scheduled, (await grains.GetGrain<IRoundGrain>(schedule.Key).GetLeaderboardAsync(1, null, 0)).State);
    }
}
