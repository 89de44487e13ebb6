using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Grains.Common;
using Spotlight.Domain;

namespace Spotlight.Grains.Seasons;

public sealed class SeasonGrain : Grain, ISeasonGrain
{
    private readonly IPersistentState<SeasonState> _state;
    private readonly TimeProvider _clock;
    private readonly FollowUp _settleOwed;

    public SeasonGrain(
        [PersistentState("season", StorageNames.Default)] IPersistentState<SeasonState> state,
        TimeProvider clock,
        ILogger<SeasonGrain> logger)
    {
        _state = state;
        _clock = clock;
        _settleOwed = new FollowUp(this, SettleOwedAsync, logger);
    }

    private SeasonState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Also lists seasons created before there was a catalogue, the first time they are asked for.
        if (State.Season is not null && !(State.RoundsScheduled && State.Listed))
        {
            await _settleOwed.RunAsync();
        }
    }

    public async Task<CommandResult<SeasonCreateOutcome, SeasonView>> CreateAsync(CreateSeasonCommand command)
    {
        if (State.Season is not null)
        {
            return new(SeasonCreateOutcome.AlreadyExists, View(), []);
        }

        var (season, errors) = SeasonRules.Validate(this.GetPrimaryKeyString(), command, _clock.GetUtcNow());
        if (season is null)
        {
            return new(SeasonCreateOutcome.Invalid, null, errors);
        }

        State.Season = season;
        State.RoundsScheduled = false;
        State.Listed = false;
        await _state.WriteOrDropActivationAsync(this);
        await _settleOwed.RunAsync();
        return new(SeasonCreateOutcome.Created, View(), []);
    }

    public Task<SeasonView?> GetAsync() => Task.FromResult(State.Season is null ? null : View());

    public async Task<SeasonChangeOutcome> AddJudgeAsync(string userId)
    {
        if (State.Season is null)
        {
            return SeasonChangeOutcome.NotFound;
        }

        if (!State.Judges.Contains(userId))
        {
            State.Judges.Add(userId);
            await _state.WriteOrDropActivationAsync(this);
        }

        return SeasonChangeOutcome.Done;
    }

    public Task<SeasonEntryOutcome> CheckEntryAsync(string region) => Task.FromResult(EntryOutcome(region));

    public async Task<SeasonEntryOutcome> EnterAsync(RoundEntry entry, string region)
    {
        var outcome = EntryOutcome(region);
        if (outcome != SeasonEntryOutcome.Entered)
        {
            return outcome;
        }

        var entered = await GrainFactory.GetGrain<IRoundGrain>(RoundKeys.Of(State.Season!.Id, 1)).AddEntriesAsync([entry]);
        return entered ? SeasonEntryOutcome.Entered : SeasonEntryOutcome.EntriesClosed;
    }

    public async Task<JudgeScoreOutcome> ScoreAsync(int round, string judgeId, string trackId, int score)
    {
        if (State.Season is not { } season)
        {
            return JudgeScoreOutcome.UnknownSeason;
        }

        if (round < 1 || round > season.Rounds.Count)
        {
            return JudgeScoreOutcome.UnknownRound;
        }

        if (!State.Judges.Contains(judgeId))
        {
            return JudgeScoreOutcome.NotAJudge;
        }

        return await GrainFactory.GetGrain<IRoundGrain>(RoundKeys.Of(season.Id, round)).ScoreAsync(judgeId, trackId, score);
    }

    public async Task<JudgeScores> GetJudgeScoresAsync(int round, string judgeId)
    {
        if (State.Season is not { } season)
        {
            return Refused(JudgeScoresOutcome.UnknownSeason);
        }

        if (round < 1 || round > season.Rounds.Count)
        {
            return Refused(JudgeScoresOutcome.UnknownRound);
        }

        if (!State.Judges.Contains(judgeId))
        {
            return Refused(JudgeScoresOutcome.NotAJudge);
        }

        var given = await GrainFactory.GetGrain<IRoundGrain>(RoundKeys.Of(season.Id, round)).GetJudgeScoresAsync(judgeId);
        return new JudgeScores(JudgeScoresOutcome.Found, given);

        static JudgeScores Refused(JudgeScoresOutcome why) => new(why, new Dictionary<string, int>());
    }

    public Task<bool> IsPartnerAsync(string userId) => Task.FromResult(State.Season?.Partners.Contains(userId) ?? false);

    public Task<int?> GetCurrentRoundAsync()
    {
        if (State.Season is not { } season)
        {
            return Task.FromResult<int?>(null);
        }

        var open = season.Rounds.FirstOrDefault(r => !State.ClosedRounds.Contains(r.Number));
        return Task.FromResult<int?>(open?.Number ?? season.Rounds.Count);
    }

    public async Task RoundClosedAsync(int round, IReadOnlyList<string> winnerTrackIds)
    {
        if (State.Season is not { } season || State.ClosedRounds.Contains(round))
        {
            return;
        }

        State.ClosedRounds.Add(round);
        var final = round == season.Rounds.Count;
        if (final)
        {
            State.WinnerTrackIds = [.. winnerTrackIds];
            State.Listed = false;
        }

        await _state.WriteOrDropActivationAsync(this);
        if (final)
        {
            await _settleOwed.RunAsync();
        }
    }

    public async Task<TrackStanding?> GetStandingAsync(string trackId)
    {
        if (State.Season is not { } season)
        {
            return null;
        }

        // The latest round the track entered. (Not judged by the rounds this season knows have closed: a
        // round tells its season a moment after it entered the next round's tracks.)
        for (var round = season.Rounds.Count; round >= 1; round--)
        {
            if (await GrainFactory.GetGrain<IRoundGrain>(RoundKeys.Of(season.Id, round)).GetStandingAsync(trackId) is { } standing)
            {
                return standing;
            }
        }

        return null;
    }

    private SeasonEntryOutcome EntryOutcome(string region) =>
        State.Season is not { } season ? SeasonEntryOutcome.UnknownSeason
        : !season.Regions.Contains(region) ? SeasonEntryOutcome.RegionNotInSeason
        : State.ClosedRounds.Contains(1) ? SeasonEntryOutcome.EntriesClosed
        : SeasonEntryOutcome.Entered;

    private SeasonView View()
    {
        var season = State.Season!;
        var now = _clock.GetUtcNow();
        return new SeasonView(
            season,
            [.. season.Rounds.Select(r => SeasonRules.StateOf(r, State.ClosedRounds.Contains(r.Number), now))],
            [.. State.Judges],
            [.. State.WinnerTrackIds]);
    }

    /// <summary>What a committed change left owed, done and recorded in one write: each round grain's schedule
    /// and closing reminder, and the season's listing in the catalogue (both idempotent on their side).</summary>
    private async Task SettleOwedAsync()
    {
        var season = State.Season!;
        if (!State.RoundsScheduled)
        {
            foreach (var round in season.Rounds)
            {
                await GrainFactory.GetGrain<IRoundGrain>(round.Key).ScheduleAsync(round);
            }
        }

        if (!State.Listed)
        {
            await GrainFactory.GetGrain<ISeasonCatalogGrain>(0).PutAsync(new SeasonListing(
                season.Id, season.Name, season.Regions, season.Rounds[0].OpensAt, season.Rounds[^1].ClosesAt,
                FinalClosed: State.ClosedRounds.Contains(season.Rounds.Count)));
        }

        (State.RoundsScheduled, State.Listed) = (true, true);
        await _state.WriteStateAsync();
    }
}
