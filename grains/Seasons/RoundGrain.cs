using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain;
using Spotlight.Grains.Domain.Ranking;

namespace Spotlight.Grains.Seasons;

public sealed class RoundGrain : Grain, IRoundGrain, IRemindable
{
    public const string ClosingReminder = "close";

    /// <summary>How often the closing reminder ticks after its first due time, until the round has closed
    /// and everything that follows closing is done (Orleans' smallest reminder period).</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Calls to entries' popularity grains in flight at once (activation, closing).</summary>
    private const int ParallelCalls = 64;

    private readonly IPersistentState<RoundGrainState> _state;
    private readonly IPersistentState<RoundScoresState> _scores;
    private readonly TimeProvider _clock;
    private readonly FollowUp _afterClosing;
    private LiveLeaderboard _board = new(SeasonRules.DefaultWeight, SeasonRules.DefaultWeight);

    public RoundGrain(
        [PersistentState("round", StorageNames.Default)] IPersistentState<RoundGrainState> state,
        [PersistentState("round-scores", StorageNames.Default)] IPersistentState<RoundScoresState> scores,
        TimeProvider clock,
        ILogger<RoundGrain> logger)
    {
        _state = state;
        _scores = scores;
        _clock = clock;
        _afterClosing = new FollowUp(this, SyncAfterClosingAsync, logger);
    }

    private RoundGrainState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Schedule is not { } schedule)
        {
            return;
        }

        _board = new LiveLeaderboard(schedule.PopularityWeight, schedule.JudgeWeight);
        if (State.Results is not null)
        {
            if (!State.ClosingSynced)
            {
                RunAfterClosingSoon();
            }

            return;
        }

        foreach (var entry in State.Entries.Values)
        {
            _board.Add(entry.TrackId, entry.SubmittedAt);
            _board.SetMeanJudgeScore(entry.TrackId, MeanOf(entry.TrackId));
        }

        // The popularity grains keep the counts; following is idempotent and answers the total so far.
        await FollowAsync(State.Entries.Values, cancellationToken);
    }

    public async Task ScheduleAsync(RoundSchedule schedule)
    {
        if (State.Schedule is null)
        {
            State.Schedule = schedule;
            _board = new LiveLeaderboard(schedule.PopularityWeight, schedule.JudgeWeight);
            await _state.WriteOrDropActivationAsync(this);
        }

        if (State.Results is null)
        {
            var due = State.Schedule.ClosesAt - _clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(ClosingReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, ReminderPeriod);
        }
    }

    public async Task<bool> AddEntriesAsync(IReadOnlyList<RoundEntry> entries)
    {
        if (State.Schedule is null || State.Results is not null)
        {
            return false;
        }

        var added = entries.Where(e => !State.Entries.ContainsKey(e.TrackId)).DistinctBy(e => e.TrackId).ToList();
        if (added.Count == 0)
        {
            return true;
        }

        // Follow first: if the write below fails, the caller retries and finds the entries still missing.
        var popularity = await FollowAsync(added, CancellationToken.None);
        foreach (var entry in added)
        {
            State.Entries[entry.TrackId] = entry;
        }

        await _state.WriteOrDropActivationAsync(this);
        foreach (var entry in added)
        {
            _board.Add(entry.TrackId, entry.SubmittedAt);
            _board.SetPopularity(entry.TrackId, popularity[entry.TrackId]);
        }

        return true;
    }

    public async Task<JudgeScoreOutcome> ScoreAsync(string judgeId, string trackId, int score)
    {
        if (State.Schedule is not { } schedule)
        {
            return JudgeScoreOutcome.UnknownRound;
        }

        if (!RoundScoring.IsValidJudgeScore(score))
        {
            return JudgeScoreOutcome.Invalid;
        }

        if (!SeasonRules.AcceptsScores(schedule, State.Results is not null, _clock.GetUtcNow()))
        {
            return JudgeScoreOutcome.RoundNotOpen;
        }

        if (!State.Entries.ContainsKey(trackId))
        {
            return JudgeScoreOutcome.NotAnEntry;
        }

        var judgeScores = _scores.State.JudgeScores;
        if (!judgeScores.TryGetValue(trackId, out var scores))
        {
            judgeScores[trackId] = scores = [];
        }

        scores[judgeId] = score;
        await _scores.WriteOrDropActivationAsync(this);
        _board.SetMeanJudgeScore(trackId, MeanOf(trackId));
        return JudgeScoreOutcome.Scored;
    }

    public Task UpdatePopularityAsync(string trackId, long popularity)
    {
        if (State.Results is null && _board.Find(trackId) is { } standing && popularity > standing.Popularity)
        {
            _board.SetPopularity(trackId, popularity);
        }

        return Task.CompletedTask;
    }

    public Task<Leaderboard> GetLeaderboardAsync(int top, string? around, int neighbours)
    {
        var schedule = State.Schedule;
        var state = schedule is null ? RoundState.Scheduled : SeasonRules.StateOf(schedule, State.Results is not null, _clock.GetUtcNow());
        var number = schedule?.Number ?? 0;
        if (State.Results is { } results)
        {
            var rows = results.Rows.Select(r => r.Row).ToList();
            var index = around is null ? -1 : rows.FindIndex(r => r.TrackId == around);
            IReadOnlyList<LeaderboardRow>? near = around is null ? null
                : index < 0 ? []
                : rows.GetRange(Math.Max(0, index - neighbours), Math.Min(rows.Count, index + neighbours + 1) - Math.Max(0, index - neighbours));
            return Task.FromResult(new Leaderboard(number, state, rows.Count, rows.Count > 0 ? rows.Max(r => r.Popularity) : 0, [.. rows.Take(top)], near));
        }

        return Task.FromResult(new Leaderboard(
            number,
            state,
            _board.Count,
            _board.MaxPopularity,
            [.. _board.Top(top).Select(RowOf)],
            around is null ? null : [.. _board.Around(around, neighbours).Select(RowOf)]));
    }

    public async Task<RoundCloseOutcome> CloseAsync(string closedBy)
    {
        if (State.Schedule is not { } schedule)
        {
            return RoundCloseOutcome.UnknownRound;
        }

        if (State.Results is not null)
        {
            return RoundCloseOutcome.AlreadyClosed;
        }

        var advancing = new List<RoundEntry>();
        if (schedule.Number > 1)
        {
            var previous = GrainFactory.GetGrain<IRoundGrain>(RoundKeys.Of(schedule.SeasonId, schedule.Number - 1));
            if (await previous.GetResultsAsync() is null)
            {
                // Rounds close in order. The schedule closes an overdue earlier round first (both reminders
                // were due while the cluster was down); an admin is asked to do so.
                if (closedBy != RoundResults.Schedule)
                {
                    return RoundCloseOutcome.EarlierRoundOpen;
                }

                await previous.CloseAsync(closedBy);
            }

            // The earlier round enters these itself after closing; taking them here as well means this round
            // never closes without them, whichever comes first.
            var earlier = await previous.GetResultsAsync();
            await AddEntriesAsync([.. earlier!.Rows.Where(r => r.Advanced).Select(r => r.Row.Entry)]);
        }

        // The final counts: every entry's popularity in the window as its popularity grain has it now.
        await FollowAsync(State.Entries.Values, CancellationToken.None);
        var rows = _board.All();
        State.Results = new RoundResults(
            schedule.Number,
            _clock.GetUtcNow(),
            closedBy,
            schedule.IsFinal,
            [.. rows.Select(r => ResultOf(schedule, RowOf(r)))]);
        State.ClosingSynced = false;
        await _state.WriteOrDropActivationAsync(this);
        RunAfterClosingSoon();
        return RoundCloseOutcome.Closed;
    }

    public Task<RoundResults?> GetResultsAsync() => Task.FromResult(State.Results);

    public Task<TrackStanding?> GetStandingAsync(string trackId)
    {
        if (State.Schedule is not { } schedule || !State.Entries.ContainsKey(trackId))
        {
            return Task.FromResult<TrackStanding?>(null);
        }

        if (State.Results is { } results)
        {
            var result = results.Rows.First(r => r.Row.TrackId == trackId);
            var outcome = result.Winner ? TrackOutcome.Winner : result.Advanced ? TrackOutcome.Advanced : TrackOutcome.Eliminated;
            return Task.FromResult<TrackStanding?>(new TrackStanding(schedule.Number, RoundState.Closed, result.Row.Rank, result.Row.Score, outcome, result.Prize));
        }

        var standing = _board.Find(trackId)!;
        var state = SeasonRules.StateOf(schedule, closed: false, _clock.GetUtcNow());
        return Task.FromResult<TrackStanding?>(new TrackStanding(schedule.Number, state, _board.RankOf(trackId)!.Value, _board.ScoreOf(standing), TrackOutcome.Competing, null));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ClosingReminder || State.Schedule is not { } schedule)
        {
            return;
        }

        if (State.Results is null && _clock.GetUtcNow() >= schedule.ClosesAt)
        {
            await CloseAsync(RoundResults.Schedule);
        }
        else if (State.Results is not null && !State.ClosingSynced)
        {
            await _afterClosing.RunAsync();
        }
    }

    private static ResultRow ResultOf(RoundSchedule schedule, LeaderboardRow row)
    {
        var selected = row.Rank <= schedule.Advance;
        return schedule.IsFinal
            ? new ResultRow(row, Advanced: false, Winner: selected, selected ? SeasonRules.PrizeFor(schedule.Prizes, row.Rank) : null)
            : new ResultRow(row, Advanced: selected, Winner: false, null);
    }

    private LeaderboardRow RowOf(RankedStanding ranked)
    {
        var entry = State.Entries[ranked.Standing.TrackId];
        return new LeaderboardRow(ranked.Rank, entry.TrackId, entry.ArtistId, entry.Title, ranked.Standing.Popularity, ranked.Standing.MeanJudgeScore, ranked.Score, entry.SubmittedAt);
    }

    private decimal? MeanOf(string trackId) =>
        _scores.State.JudgeScores.TryGetValue(trackId, out var scores) ? RoundScoring.MeanJudgeScore(scores.Values) : null;

    /// <summary>Follows the entries' popularity in this round's window and takes the totals they answer.</summary>
    private async Task<Dictionary<string, long>> FollowAsync(IEnumerable<RoundEntry> entries, CancellationToken cancellationToken)
    {
        var schedule = State.Schedule!;
        var window = new RoundWindow(schedule.Key, schedule.OpensAt, schedule.ClosesAt);
        var totals = await GrainCalls.InBatchesAsync(
            entries.Select(e => e.TrackId),
            ParallelCalls,
            trackId => GrainFactory.GetGrain<ITrackPopularityGrain>(trackId).FollowRoundAsync(window),
            cancellationToken);
        foreach (var (trackId, popularity) in totals)
        {
            if (_board.Find(trackId) is { } standing && popularity > standing.Popularity)
            {
                _board.SetPopularity(trackId, popularity);
            }
        }

        return totals;
    }

    /// <summary>Runs the work after closing once the closing call has returned: the next round may be the
    /// caller, waiting for this one (a scheduled close of an overdue later round closes this one first).</summary>
    private void RunAfterClosingSoon() =>
        this.RegisterGrainTimer(
            async _ => await _afterClosing.RunAsync(),
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });

    private async Task SyncAfterClosingAsync()
    {
        if (State.ClosingSynced)
        {
            return;
        }

        var schedule = State.Schedule!;
        var results = State.Results!;
        if (!schedule.IsFinal)
        {
            var advanced = results.Rows.Where(r => r.Advanced).Select(r => State.Entries[r.Row.TrackId]).ToList();
            await GrainFactory.GetGrain<IRoundGrain>(RoundKeys.Of(schedule.SeasonId, schedule.Number + 1)).AddEntriesAsync(advanced);
        }
        else
        {
            foreach (var winner in results.Rows.Where(r => r.Winner && r.Prize is not null))
            {
                await GrainFactory.GetGrain<IArtistGrain>(winner.Row.ArtistId)
                    .AwardAsync(new ArtistAward(schedule.SeasonId, winner.Row.TrackId, winner.Row.Rank, winner.Prize!));
            }
        }

        await GrainCalls.InBatchesAsync(
            State.Entries.Keys,
            ParallelCalls,
            async trackId =>
            {
                await GrainFactory.GetGrain<ITrackPopularityGrain>(trackId).UnfollowRoundAsync(schedule.Key);
                return true;
            });
        await GrainFactory.GetGrain<ISeasonGrain>(schedule.SeasonId)
            .RoundClosedAsync(schedule.Number, [.. results.Rows.Where(r => r.Winner).Select(r => r.Row.TrackId)]);
        if (await this.GetReminder(ClosingReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ClosingSynced = true;
        await _state.WriteStateAsync();
    }
}
