using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A season (key: season id): who takes part and the round schedule. Rounds are
/// <see cref="IRoundGrain"/>s; the season is where callers come in, and it checks who may do what.</summary>
/// <remarks>Calls that change nothing here interleave, even those that wait for a round: a round that is
/// closing tells its season so while the season may be waiting for that round, and neither may block.</remarks>
[Alias("Spotlight.Seasons.ISeasonGrain")]
public interface ISeasonGrain : IGrainWithStringKey
{
    [Alias("CreateAsync")]
    Task<CommandResult<SeasonCreateOutcome, SeasonView>> CreateAsync(CreateSeasonCommand command);

    /// <summary>The season with each round's state now; null when no season has this id.</summary>
    [AlwaysInterleave, Alias("GetAsync")]
    Task<SeasonView?> GetAsync();

    /// <summary>Assigns a judge (idempotent).</summary>
    [Alias("AddJudgeAsync")]
    Task<SeasonChangeOutcome> AddJudgeAsync(string userId);

    /// <summary>Whether an artist of <paramref name="region"/> could enter a track now (asked at submission).</summary>
    [AlwaysInterleave, Alias("CheckEntryAsync")]
    Task<SeasonEntryOutcome> CheckEntryAsync(string region);

    /// <summary>Enters a cleared track into round 1 (idempotent), if its artist's region takes part and
    /// round 1 has not closed.</summary>
    [AlwaysInterleave, Alias("EnterAsync")]
    Task<SeasonEntryOutcome> EnterAsync(RoundEntry entry, string region);

    [AlwaysInterleave, Alias("ScoreAsync")]
    Task<JudgeScoreOutcome> ScoreAsync(int round, string judgeId, string trackId, int score);

    /// <summary>The scores <paramref name="judgeId"/> gave in <paramref name="round"/>, for a judge of this season.</summary>
    [AlwaysInterleave, Alias("GetJudgeScoresAsync")]
    Task<JudgeScores> GetJudgeScoresAsync(int round, string judgeId);

    [AlwaysInterleave, Alias("IsPartnerAsync")]
    Task<bool> IsPartnerAsync(string userId);

    /// <summary>The round partners follow: the first that has not closed, or the final once all have.
    /// Null when the season does not exist.</summary>
    [AlwaysInterleave, Alias("GetCurrentRoundAsync")]
    Task<int?> GetCurrentRoundAsync();

    /// <summary>Told by a round when it closed; the final round's winners in rank order.</summary>
    [Alias("RoundClosedAsync")]
    Task RoundClosedAsync(int round, IReadOnlyList<string> winnerTrackIds);

    /// <summary>The track's standing in the latest round it entered; null when it entered none.</summary>
    [AlwaysInterleave, Alias("GetStandingAsync")]
    Task<TrackStanding?> GetStandingAsync(string trackId);
}
