using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Grains.Seasons;

/// <summary>What a round must not lose: its entries and its results once closed. Judge scores are a state
/// of their own (<see cref="RoundScoresState"/>), so that a score writes the scores, not every entry.
/// Popularity is not kept here; the entries' popularity grains hold it and give it back on activation.</summary>
[GenerateSerializer, Alias("Spotlight.Seasons.RoundGrainState")]
public sealed class RoundGrainState
{
    /// <summary>Null until the season schedules the round.</summary>
    [Id(0)]
    public RoundSchedule? Schedule { get; set; }

    [Id(1)]
    public Dictionary<string, RoundEntry> Entries { get; set; } = [];

    [Id(3)]
    public RoundResults? Results { get; set; }

    /// <summary>After closing: the next round has its entries, the season and the popularity grains know,
    /// prizes are on the artists, and the reminder is gone.</summary>
    [Id(4)]
    public bool ClosingSynced { get; set; }

    /// <summary>Reviewers' exclusions, oldest first (the engagement store applies them; this is their record).</summary>
    [Id(5)]
    public List<RoundExclusion> Exclusions { get; set; } = [];
}

[GenerateSerializer, Alias("Spotlight.Seasons.RoundScoresState")]
public sealed class RoundScoresState
{
    /// <summary>Track id → judge id → score.</summary>
    [Id(0)]
    public Dictionary<string, Dictionary<string, int>> JudgeScores { get; set; } = [];
}
