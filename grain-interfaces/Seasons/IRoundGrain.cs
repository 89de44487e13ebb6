using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>One round of a season (key <c>{seasonId}/{n}</c>, see <see cref="RoundKeys"/>): its entries,
/// judge scores, live leaderboard and, once closed, its results. Called by its season and by the
/// engagement projectors.</summary>
/// <remarks>Reads interleave with everything: they only look at memory, and a round that is closing (its
/// follow-up waits for the season or the next round) must still answer a season or round that asks it.</remarks>
[Alias("Spotlight.Seasons.IRoundGrain")]
public interface IRoundGrain : IGrainWithStringKey
{
    /// <summary>Sets the round's schedule and its closing reminder (idempotent).</summary>
    [Alias("ScheduleAsync")]
    Task ScheduleAsync(RoundSchedule schedule);

    /// <summary>Adds entries (ones already in are left as they are); false once the round has closed.</summary>
    [Alias("AddEntriesAsync")]
    Task<bool> AddEntriesAsync(IReadOnlyList<RoundEntry> entries);

    /// <summary>A judge's score for an entry; a later score by the same judge replaces it.</summary>
    [Alias("ScoreAsync")]
    Task<JudgeScoreOutcome> ScoreAsync(string judgeId, string trackId, int score);

    /// <summary>The scores one judge gave, by track id.</summary>
    [AlwaysInterleave, Alias("GetJudgeScoresAsync")]
    Task<IReadOnlyDictionary<string, int>> GetJudgeScoresAsync(string judgeId);

    /// <summary>Points a committed engagement delivery added to entries inside the round window (once per
    /// delivery; a gap makes the round reload its entries' popularity from the engagement store).</summary>
    [Alias("ApplyTrackPointsAsync")]
    Task ApplyTrackPointsAsync(TrackPointsNotice notice);

    /// <summary>The top <paramref name="top"/> rows (live, or frozen once closed) and, when
    /// <paramref name="around"/> is given, that track's row with <paramref name="neighbours"/> on each side.</summary>
    [AlwaysInterleave, Alias("GetLeaderboardAsync")]
    Task<Leaderboard> GetLeaderboardAsync(int top, string? around, int neighbours);

    /// <summary>Closes the round (idempotent): freezes the ranking and enters the top into the next round.</summary>
    [Alias("CloseAsync")]
    Task<RoundCloseOutcome> CloseAsync(string closedBy);

    /// <summary>Stops counting a video's engagement in a range (a reviewer's exclusion) and ranks the round again
    /// from the engagement store at once; refused once the round has closed.</summary>
    [Alias("ExcludeAsync")]
    Task<ExclusionOutcome> ExcludeAsync(RoundExclusion exclusion);

    /// <summary>Null until the round is scheduled.</summary>
    [AlwaysInterleave, Alias("GetReviewScopeAsync")]
    Task<RoundReviewScope?> GetReviewScopeAsync();

    [AlwaysInterleave, Alias("GetResultsAsync")]
    Task<RoundResults?> GetResultsAsync();

    [AlwaysInterleave, Alias("GetStandingAsync")]
    Task<TrackStanding?> GetStandingAsync(string trackId);
}
