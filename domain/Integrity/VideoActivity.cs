namespace Spotlight.Domain.Integrity;

/// <summary>One video's engagement per minute over the span being judged (index 0 is <see cref="Start"/>), and
/// whether its creator has a policy violation on record.</summary>
public sealed record VideoActivity(string VideoId, string CreatorId, DateTimeOffset Start, IReadOnlyList<MinuteCounts> Minutes, bool CreatorInViolation);

/// <summary>A minute's views and interactions (likes + comments + shares).</summary>
public readonly record struct MinuteCounts(long Views, long Interactions);
