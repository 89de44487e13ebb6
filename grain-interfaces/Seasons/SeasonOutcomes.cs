namespace Spotlight.GrainInterfaces.Seasons;

public enum SeasonCreateOutcome
{
    Created,
    AlreadyExists,
    Invalid,
}

public enum SeasonChangeOutcome
{
    Done,
    NotFound,
}

/// <summary>Whether a track can (or did) enter round 1 of a season.</summary>
public enum SeasonEntryOutcome
{
    Entered,
    UnknownSeason,
    RegionNotInSeason,
    EntriesClosed,
}

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

public enum RoundCloseOutcome
{
    Closed,
    AlreadyClosed,
    UnknownRound,
    /// <summary>Rounds close in order; an earlier round is still open.</summary>
    EarlierRoundOpen,
}
