using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// Keeps the engagement pipeline's state bounded and observable (SPEC "Bounded state"): samples log heads
/// and applied positions for the lag gauges every few seconds, and every <see cref="EngagementOptions.MaintenanceInterval"/>
/// prunes log entries past retention that every consumer has handled, forgets batch ids older than the
/// dedupe window, and rolls up track buckets. Every silo runs it; the PostgreSQL implementations let one
/// silo at a time do the work.
/// </summary>
public sealed class EngagementMaintenance(
    IEngagementLog log,
    IEngagementStore store,
    EngagementMetrics metrics,
    IOptions<EngagementOptions> options,
    TimeProvider clock,
    ILogger<EngagementMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);

    private DateTimeOffset _maintainedAt = DateTimeOffset.MinValue;

    /// <summary>The last maintenance's results (for tests and the soak's report).</summary>
    public (LogPruning Log, StoreMaintenance Store)? Last { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(force: false, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Engagement maintenance failed; it runs again in {Interval}", SampleInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Samples positions and, when due (or <paramref name="force"/>d), prunes and rolls up.</summary>
    public async Task RunOnceAsync(bool force, CancellationToken cancellationToken)
    {
        var positions = await store.ReadPositionsAsync(cancellationToken);
        var heads = await log.ReadHeadsAsync(cancellationToken);
        metrics.RecordPositions(heads, positions);
        var now = clock.GetUtcNow();
        if (!force && now - _maintainedAt < options.Value.MaintenanceInterval)
        {
            return;
        }

        _maintainedAt = now;
        var consumed = await store.ReadLogConsumedAsync(cancellationToken);
        var pruned = await log.PruneAsync(now - options.Value.LogRetention, consumed, now - options.Value.DedupeWindow, cancellationToken);
        var maintained = await store.MaintainAsync(now, cancellationToken);
        Last = (pruned, maintained);
        logger.LogDebug("Engagement maintenance: {Pruned} log entries and {Claims} batch ids pruned, {Merged} track buckets rolled up", pruned.EntriesRemoved, pruned.ClaimsRemoved, maintained.BucketsMerged);
    }
}
