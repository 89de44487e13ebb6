using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Seasons;

/// <summary>Grain-level steps of the season tests: schedules on whole minutes, entries, waiting for closing.</summary>
public static class SeasonWorkflow
{
    public const string Region = "JP";
    public const string Admin = "admin-1";

    public static DateTimeOffset MinuteOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    /// <summary>The first whole minute at least <paramref name="lead"/> from now: a closing time the test
    /// has time to prepare for (windows are on whole minutes).</summary>
    public static DateTimeOffset WholeMinuteAfter(TimeSpan lead) => MinuteOf(DateTimeOffset.UtcNow + lead).AddMinutes(1);

    public static RoundPlan Round(DateTimeOffset opens, DateTimeOffset closes) => new(null, opens, closes, null, null, null);

    /// <summary>Round 1 closing at <paramref name="closes"/>, then round 2 and the final (defaults: 100, 18, 10).</summary>
    public static RoundPlan[] ThreeRounds(DateTimeOffset closes) =>
        [Round(closes.AddMinutes(-30), closes), Round(closes, closes.AddHours(1)), Round(closes.AddHours(1), closes.AddHours(2))];

    public static async Task CreateAsync(IGrainFactory grains, string seasonId, params RoundPlan[] rounds)
    {
        var result = await grains.GetGrain<ISeasonGrain>(seasonId)
            .CreateAsync(new CreateSeasonCommand("Season " + seasonId, [Region], ["partner-1"], rounds, null, [new Prize(1, 3, "Studio session")], Admin));
        Assert.True(result.Outcome == SeasonCreateOutcome.Created, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>Submits <paramref name="count"/> tracks to the season and enters them into round 1, submitted a
    /// second apart in reverse order of their number (so submission order is not id order).</summary>
    public static async Task<List<RoundEntry>> EnterAsync(IGrainFactory grains, string seasonId, int count)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var entries = Enumerable.Range(0, count)
            .Select(i => new RoundEntry($"{seasonId}-t{i:D4}", $"{seasonId}-a{i % 50}", $"Track {i}", start.AddSeconds(count - i)))
            .ToList();
        var season = grains.GetGrain<ISeasonGrain>(seasonId);
        foreach (var chunk in entries.Chunk(50))
        {
            // Each a track submitted to the season, as the artist grain submits it: only such a track can be an
            // entry, so only its videos keep per-minute engagement (for flags and exclusions).
            var submitted = await Task.WhenAll(chunk.Select(e => grains.GetGrain<ITrackGrain>(e.TrackId).SubmitAsync(
                new SubmitTrackCommand(e.ArtistId, "owner-" + e.ArtistId, Region, e.Title, "https://cdn.example/a.mp3", 120, true, seasonId))));
            Assert.All(submitted, s => Assert.Equal(TrackSubmitOutcome.Created, s.Outcome));
            var outcomes = await Task.WhenAll(chunk.Select(e => season.EnterAsync(e, Region)));
            Assert.All(outcomes, o => Assert.Equal(SeasonEntryOutcome.Entered, o));
        }

        return entries;
    }

    public static async Task<RoundResults> WaitForResultsAsync(IGrainFactory grains, string seasonId, int round, TimeSpan timeout)
    {
        RoundResults? results = null;
        await Eventually.UntilAsync(
            async () => (results = await grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, round)).GetResultsAsync()) is not null,
            timeout,
            $"round {round} of {seasonId} to close",
            poll: TimeSpan.FromSeconds(1));
        return results!;
    }

    /// <summary>Waits until round <paramref name="round"/> holds exactly the tracks that went on from the round before.</summary>
    public static async Task WaitForEntriesAsync(IGrainFactory grains, string seasonId, int round, IReadOnlyCollection<string> trackIds, TimeSpan timeout)
    {
        var expected = trackIds.Order(StringComparer.Ordinal).ToList();
        await Eventually.UntilAsync(
            async () =>
            {
                var board = await grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, round)).GetLeaderboardAsync(1000, null, 0);
                return board.Rows.Select(r => r.TrackId).Order(StringComparer.Ordinal).SequenceEqual(expected);
            },
            timeout,
            $"round {round} to hold the {expected.Count} advanced tracks");
    }

    /// <summary>Round 1 closed (by its reminder); round 2 gets exactly 100, closes; the final gets exactly 18,
    /// closes; the season lists 10 winners and every round as closed.</summary>
    public static async Task AssertAdvancementAsync(IGrainFactory grains, string seasonId, RoundResults first, TimeSpan timeout)
    {
        Assert.Equal(RoundResults.Schedule, first.ClosedBy);
        Assert.Equal(300, first.Rows.Count);
        var advanced = first.Rows.Where(r => r.Advanced).Select(r => r.Row.TrackId).ToList();
        Assert.Equal(first.Rows.Take(100).Select(r => r.Row.TrackId), advanced);
        await WaitForEntriesAsync(grains, seasonId, 2, advanced, timeout);

        var second = grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, 2));
        Assert.Equal(RoundCloseOutcome.Closed, await second.CloseAsync(Admin));
        Assert.Equal(RoundCloseOutcome.AlreadyClosed, await second.CloseAsync(Admin));
        var secondResults = (await second.GetResultsAsync())!;
        var finalists = secondResults.Rows.Where(r => r.Advanced).Select(r => r.Row.TrackId).ToList();
        Assert.Equal(18, finalists.Count);
        await WaitForEntriesAsync(grains, seasonId, 3, finalists, timeout);

        var final = grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, 3));
        Assert.Equal(RoundCloseOutcome.Closed, await final.CloseAsync(Admin));
        var finalResults = (await final.GetResultsAsync())!;
        var winners = finalResults.Rows.Where(r => r.Winner).Select(r => r.Row.TrackId).ToList();
        Assert.Equal(10, winners.Count);
        Assert.Equal(finalResults.Rows.Take(10).Select(r => r.Row.TrackId), winners);
        Assert.Equal(["Studio session", "Studio session", "Studio session", null], finalResults.Rows.Take(4).Select(r => r.Prize));
        await Eventually.UntilAsync(
            async () => await grains.GetGrain<ISeasonGrain>(seasonId).GetAsync() is { } view
                && view.WinnerTrackIds.SequenceEqual(winners)
                && view.RoundStates.All(s => s == RoundState.Closed),
            timeout,
            "the season to record its winners and closed rounds");
    }
}
