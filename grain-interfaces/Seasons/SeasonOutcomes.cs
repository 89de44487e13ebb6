namespace Spotlight.GrainInterfaces.Seasons;

[GenerateSerializer, Alias("Spotlight.Seasons.SeasonCreateOutcome")]
public enum SeasonCreateOutcome
{
    Created,
    AlreadyExists,
    Invalid,
}

[GenerateSerializer, Alias("Spotlight.Seasons.SeasonChangeOutcome")]
public enum SeasonChangeOutcome
{
    Done,
    NotFound,
}

/// <summary>Whether a track can (or did) enter round 1 of a season.</summary>
[GenerateSerializer, Alias("Spotlight.Seasons.SeasonEntryOutcome")]
public enum SeasonEntryOutcome
{
    Entered,
    UnknownSeason,
    RegionNotInSeason,
    EntriesClosed,
}

[GenerateSerializer, Alias("Spotlight.Seasons.JudgeScoreOutcome")]
public enum JudgeScoreOutcome
{
    Scored,
    UnknownSeason,
    UnknownRound,
    NotAJudge,
    NotAnEntry,
    RoundNotOpen,
    Invalid,
}

/// <summary>Whether a judge's own scores of a round could be read.</summary>
[GenerateSerializer, Alias("Spotlight.Seasons.JudgeScoresOutcome")]
public enum JudgeScoresOutcome
{
    Found,
    UnknownSeason,
    UnknownRound,
    NotAJudge,
}

[GenerateSerializer, Alias("Spotlight.Seasons.RoundCloseOutcome")]
public enum RoundCloseOutcome
{
    Closed,
    AlreadyClosed,
    UnknownRound,
    /// <summary>Rounds close in order; an earlier round is still open.</summary>
    EarlierRoundOpen,
}

/// <summary>Whether a reviewer's exclusion was applied to a round.</summary>
[GenerateSerializer, Alias("Spotlight.Seasons.ExclusionOutcome")]
public enum ExclusionOutcome
{
    Excluded,
    UnknownRound,
    /// <summary>A closed round's results never change.</summary>
    RoundClosed,
    /// <summary>The video's track is not one of the round's entries.</summary>
    NotAnEntry,
    /// <summary>The range lies wholly outside the round's window: it would exclude nothing.</summary>
    OutsideWindow,
}
