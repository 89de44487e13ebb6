using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Log;

/// <summary>
/// The engagement log: what was acknowledged, in order, per partition. Two implementations with one
/// contract (<c>EngagementLogContract</c> tests both): in memory (embedded mode) and in PostgreSQL.
/// </summary>
public interface IEngagementLog
{
    /// <summary>
    /// Appends the batch whole (every slice at the next offset of its partition) and claims its id, in one
    /// commit. If the id was claimed within the dedupe window, appends nothing and returns the first answer
    /// with <see cref="IngestOutcome.Duplicate"/> set.
    /// </summary>
    Task<IngestOutcome> AppendAsync(LogAppend append, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> entries of a partition after <paramref name="afterOffset"/>, in order.</summary>
    Task<IReadOnlyList<EngagementLogEntry>> ReadAsync(int partition, long afterOffset, int max, CancellationToken cancellationToken);

    /// <summary>The offset of each partition's newest entry (0: none yet).</summary>
    Task<long[]> ReadHeadsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Forgets entries appended before <paramref name="entriesBefore"/> that every consumer has handled
    /// (<paramref name="consumed"/>: per partition, the offset up to which the consumers are done), and batch
    /// ids claimed before <paramref name="claimsBefore"/>.
    /// </summary>
    Task<LogPruning> PruneAsync(DateTimeOffset entriesBefore, IReadOnlyList<long> consumed, DateTimeOffset claimsBefore, CancellationToken cancellationToken);
}

/// <summary>What a prune removed, and what the log holds afterwards.</summary>
public sealed record LogPruning(long EntriesRemoved, long ClaimsRemoved, long EntriesHeld, long ClaimsHeld);
