using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.Domain.Ranking;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Seasons;

public sealed class RoundGrain : Grain, IRoundGrain, IRemindable
{
    public const string ClosingReminder = "close";

    /// <summary>How often the closing reminder ticks after its first due time, until the round has closed
    /// and everything that follows closing is done (Orleans' smallest reminder period).</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly IPersistentState<RoundGrainState> _state;
    private readonly IPersistentState<RoundScoresState> _scores;
    private readonly IEngagementStore _store;
    private readonly TimeProvider _clock;
    private readonly FollowUp _afterClosing;
    private LiveLeaderboard _board = new(SeasonRules.DefaultWeight, SeasonRules.DefaultWeight);

    /// <summary>What the board's popularity includes of each engagement partition (null until loaded).</summary>

    /// <summary>Points told but not yet ranked: re-ranking waits for the next read, so a track that gains in
    /// every delivery moves in the board once per read, not once per delivery.</summary>
    private readonly FollowedTrackPoints _told = new();

    public RoundGrain(
        [PersistentState("round", StorageNames.Default)] IPersistentState<RoundGrainState> state,
        [PersistentState("round-scores", StorageNames.Default)] IPersistentState<RoundScoresState> scores,
        IEngagementStore store,
        TimeProvider clock,
        ILogger<RoundGrain> logger)
    {
        _state = state;
        _scores = scores;
        _store = store;
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

        // The engagement store keeps the counts; the round follows its entries there and is told of every
        // delivery that adds to them.
        await LoadPopularityAsync(cancellationToken);
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
            // Registered before any entry, so the store keeps minutes at the window's edges exact.
            _told.StartAt((await _store.FollowAsync(Follower, Window, [], CancellationToken.None)).Positions);
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

        // Follow first: if the write below fails, the caller retries and finds the entries still missing. The
        // answer is in step with commits: a notice of a later delivery includes these tracks, an earlier one not.
        var popularity = await _store.FollowAsync(Follower, Window, [.. added.Select(e => e.TrackId)], CancellationToken.None);
        _told.StartAt(popularity.Positions);
        foreach (var entry in added)
        {
            State.Entries[entry.TrackId] = entry;
        }

        await _state.WriteOrDropActivationAsync(this);
        foreach (var entry in added)
        {
            _board.Add(entry.TrackId, entry.SubmittedAt);
            _board.SetPopularity(entry.TrackId, popularity.Points.GetValueOrDefault(entry.TrackId));
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

    public Task<IReadOnlyDictionary<string, int>> GetJudgeScoresAsync(string judgeId)
    {
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (trackId, scores) in _scores.State.JudgeScores)
        {
            if (scores.TryGetValue(judgeId, out var score))
            {
                given[trackId] = score;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, int>>(given);
    }

    public async Task ApplyTrackPointsAsync(TrackPointsNotice notice)
    {
        if (State.Results is null && _told.Receive(notice))
        {
            await LoadPopularityAsync(CancellationToken.None);
        }
    }

    public async Task<ExclusionOutcome> ExcludeAsync(RoundExclusion exclusion)
    {
        if (State.Schedule is not { } schedule)
        {
            return ExclusionOutcome.UnknownRound;
        }

        if (State.Results is not null)
        {
            return ExclusionOutcome.RoundClosed;
        }

        if (!State.Entries.ContainsKey(exclusion.TrackId))
        {
            return ExclusionOutcome.NotAnEntry;
        }

        if (exclusion.To <= schedule.OpensAt || exclusion.From >= schedule.ClosesAt)
        {
            return ExclusionOutcome.OutsideWindow;
        }

        // The store first: a retry after a failed write below finds the exclusion there already (adding it again
        // changes nothing) and records it then. Its answer is every entry's points without the excluded minutes,
        // in step with commits, so the board starts again from it.
        var (first, end) = EventMinutes.Bounds(exclusion.From, exclusion.To);
        var snapshot = await _store.ExcludeAsync(Follower, new EngagementExclusion(exclusion.TrackId, exclusion.VideoId, first, end), CancellationToken.None);
        if (!State.Exclusions.Any(e => e.VideoId == exclusion.VideoId && e.From == exclusion.From && e.To == exclusion.To))
        {
            State.Exclusions.Add(exclusion);
            await _state.WriteOrDropActivationAsync(this);
        }

        RankFrom(snapshot);
        return ExclusionOutcome.Excluded;
    }

    public Task<RoundReviewScope?> GetReviewScopeAsync() =>
        Task.FromResult(State.Schedule is { } schedule
            ? new RoundReviewScope(schedule.OpensAt, schedule.ClosesAt, [.. State.Entries.Values], State.Results is not null, [.. State.Exclusions])
            : null);

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
            Board.Count,
            Board.MaxPopularity,
            [.. Board.Top(top).Select(RowOf)],
            around is null ? null : [.. Board.Around(around, neighbours).Select(RowOf)]));
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

        // The final counts: every entry's popularity in the window as the engagement store has it now.
        await LoadPopularityAsync(CancellationToken.None);
        var rows = Board.All();
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

        var standing = Board.Find(trackId)!;
        var state = SeasonRules.StateOf(schedule, closed: false, _clock.GetUtcNow());
        return Task.FromResult<TrackStanding?>(new TrackStanding(schedule.Number, state, Board.RankOf(trackId)!.Value, Board.ScoreOf(standing), TrackOutcome.Competing, null));
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

    private string Follower => FollowerKeys.Round(this.GetPrimaryKeyString());

    private FollowerWindow Window => new(State.Schedule!.OpensAt, State.Schedule.ClosesAt);

    /// <summary>Every entry's popularity in the window as the store has it, and what that includes.</summary>
    private async Task LoadPopularityAsync(CancellationToken cancellationToken)
    {
        var tracks = State.Entries.Keys.ToList();
        var snapshot = await _store.LoadFollowerAsync(Follower, cancellationToken);
        if (snapshot is null || tracks.Any(t => !snapshot.Points.ContainsKey(t)))
        {
            snapshot = await _store.FollowAsync(Follower, Window, tracks, cancellationToken);
        }

        RankFrom(snapshot);
    }

    /// <summary>Every entry's popularity from a store snapshot, which includes everything told before it.</summary>
    private void RankFrom(FollowerSnapshot snapshot)
    {
        foreach (var trackId in State.Entries.Keys)
        {
            _board.SetPopularity(trackId, snapshot.Points.GetValueOrDefault(trackId));
        }

        _told.ResetTo(snapshot.Positions);
    }

    /// <summary>The board with every point told so far ranked.</summary>
    private LiveLeaderboard Board
    {
        get
        {
            _told.Drain((trackId, points) =>
            {
                if (_board.Find(trackId) is { } standing)
                {
                    _board.SetPopularity(trackId, standing.Popularity + points);
                }
            });
            return _board;
        }
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

        await _store.UnfollowAsync(Follower, CancellationToken.None);
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
