using Orleans.Concurrency;
using Spotlight.Domain;
using Spotlight.Domain.Integrity;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Seasons;

/// <summary>A round's suspicious-engagement flags: reads the round's entries and window, their videos'
/// engagement per minute from the store (kept by every delivery commit), the videos' creators and whether
/// they have a policy violation, and flags (<see cref="RoundFlagging"/>). Keeps nothing, so any silo answers.</summary>
[StatelessWorker]
public sealed class RoundFlagsGrain(IEngagementStore store, IVideoDirectory videos, TimeProvider clock) : Grain, IRoundFlagsGrain
{
    /// <summary>Creators' policies asked at once.</summary>
    private const int PolicyReads = 32;

    private static readonly FlagThresholds Thresholds = new();

    public async Task<RoundFlags?> GetAsync()
    {
        if (await GrainFactory.GetGrain<IRoundGrain>(this.GetPrimaryKeyString()).GetReviewScopeAsync() is not { } scope)
        {
            return null;
        }

        // Up to the end of the current minute while the round runs.
        var now = EventMinutes.StartOf(EventMinutes.MinuteOf(clock.GetUtcNow()) + 1);
        var to = scope.ClosesAt < now ? scope.ClosesAt : now;
        var (first, end) = EventMinutes.Bounds(scope.OpensAt, to);
        var rows = scope.Entries.Count == 0 ? [] : await store.ReadVideoMinutesAsync([.. scope.Entries.Select(e => e.TrackId)], first, end, CancellationToken.None);
        var entries = await videos.ResolveAsync([.. rows.Select(r => r.VideoId).Distinct(StringComparer.Ordinal)], CancellationToken.None);
        var creators = entries.ToDictionary(e => e.Key, e => e.Value.CreatorId, StringComparer.Ordinal);
        var inViolation = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in creators.Values.Distinct(StringComparer.Ordinal).Chunk(PolicyReads))
        {
            var policies = await Task.WhenAll(chunk.Select(async c => (Creator: c, Policy: await GrainFactory.GetGrain<ICreatorGrain>(c).GetPolicyAsync())));
            inViolation.UnionWith(policies.Where(p => p.Policy?.Violation == true).Select(p => p.Creator));
        }

        var (flags, judged, median) = RoundFlagging.Flag(rows, scope.Entries, creators, inViolation, scope.Exclusions, Thresholds);
        return new RoundFlags(scope.OpensAt, to, judged, median, flags, scope.Closed, scope.Exclusions);
    }
}
