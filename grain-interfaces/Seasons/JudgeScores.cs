namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>The scores one judge gave in one round, by track id (tracks the judge has not scored are absent).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.JudgeScores")]
public sealed record JudgeScores(
    [property: Id(0)] JudgeScoresOutcome Outcome,
    [property: Id(1)] IReadOnlyDictionary<string, int> ByTrack);
