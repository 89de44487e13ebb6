using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// Studios' trend alerts in the engagement store. Counts are written by the delivery commits themselves
/// (per partition, see <see cref="AlertCounting"/>); after a commit its projector asks the store to
/// <see cref="EvaluateAsync">evaluate</see> the keys it touched against the counts of every partition. The
/// last of concurrent commits to evaluate sees them all, and a window's firing is recorded once (unique per
/// rule and window), so each window fires exactly once however commits interleave or projectors restart.
/// </summary>
public interface IAlertStore
{
    /// <summary>Adds a rule, with no commit in flight, so that it counts every delivery committed after it.</summary>
    Task<AlertRuleAdded> AddRuleAsync(AlertRule rule, int maxPerTitle, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertRule>> ReadRulesAsync(string titleId, CancellationToken cancellationToken);

    /// <summary>Evaluates these keys as their counts stand and records the windows that fire; answers those.</summary>
    Task<IReadOnlyList<FiredAlert>> EvaluateAsync(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The keys a partition's commits after <paramref name="afterOffset"/> changed (to evaluate again after a restart).</summary>
    Task<IReadOnlyList<AlertKey>> KeysChangedAfterAsync(int partition, long afterOffset, CancellationToken cancellationToken);

    /// <summary>A title's fired alerts, newest first: those before <paramref name="beforeSequence"/> (all when null).</summary>
    Task<IReadOnlyList<FiredAlert>> ReadFiredAsync(string titleId, long? beforeSequence, int limit, CancellationToken cancellationToken);

    /// <summary>A title's fired alerts after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<FiredAlert>> ReadFiredSinceAsync(string titleId, long afterSequence, int limit, CancellationToken cancellationToken);
}
