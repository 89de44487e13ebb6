using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Domain;
using Spotlight.Grains.Engagement;

namespace Spotlight.Tests.Unit.Domain;

/// <summary>Exactly-once across regrouping: slices delivered in one grouping, then replayed (after a crash)
/// in another, reach a target's total exactly once.</summary>
public class RangeDeliveryTests
{
    [Fact]
    public async Task AReplayGroupedDifferently_CountsEverySliceOnce()
    {
        var slices = Enumerable.Range(1, 12).Select(i => Slice(i, views: i)).ToList();
        var target = new CountingTarget();

        // First delivery: slices 1..4 and 5..8 applied, then a crash before 9..12 were delivered.
        await DeliverAsync(target, slices[0..4]);
        await DeliverAsync(target, slices[4..8]);
        // The replay starts from an older checkpoint and groups the slices as 3..10 and 11..12.
        await DeliverAsync(target, slices[2..10]);
        await DeliverAsync(target, slices[10..12]);

        Assert.Equal(Enumerable.Range(1, 12).Sum(), target.Views);
        Assert.Equal(new SlicePosition(12, 0), target.Applied["p0"]);
        // 1..4, 5..8, the overlapping 3..10 (refused), its remainder 9..10, then 11..12.
        Assert.Equal(5, target.Calls);
    }

    [Fact]
    public async Task ARangeTheTargetHoldsWhole_IsNotSentAgain()
    {
        var slices = Enumerable.Range(1, 4).Select(i => Slice(i, views: 1)).ToList();
        var target = new CountingTarget();

        await DeliverAsync(target, slices);
        await DeliverAsync(target, slices);
        await DeliverAsync(target, slices[1..3]);

        Assert.Equal(4, target.Views);
        Assert.Equal(3, target.Calls);
    }

    [Fact]
    public async Task AnOverlapWhoseRemainderHasNothingForTheTarget_EndsWithoutASecondCall()
    {
        var target = new CountingTarget();
        await DeliverAsync(target, [Slice(1, views: 1), Slice(2, views: 1)]);

        // Slice 3 has no events for this target, so there is nothing to send after position 2.
        await DeliverAsync(target, [Slice(1, views: 1), Slice(2, views: 1), Slice(3, views: 0)]);

        Assert.Equal(2, target.Views);
        Assert.Equal(2, target.Calls);
    }

    private static Task DeliverAsync(CountingTarget target, IReadOnlyList<PositionedSlice> slices) =>
        RangeDelivery.SendAsync<EngagementCounters>("p0", slices, ViewsOf(slices)!, target.ApplyAsync, run => ViewsOf([.. run]));

    private static EngagementCounters? ViewsOf(IReadOnlyList<PositionedSlice> slices) =>
        EngagementAggregation.ByVideo(slices.SelectMany(s => s.Slice.Records)).GetValueOrDefault("v");

    private static PositionedSlice Slice(long offset, int views) => new(
        new SlicePosition(offset, 0),
        new EngagementSlice($"b{offset}", views == 0
            ? [new EngagementRecord("other", null, EngagementKind.View, 1, DateTimeOffset.UnixEpoch)]
            : [new EngagementRecord("v", null, EngagementKind.View, views, DateTimeOffset.UnixEpoch)]));

    /// <summary>A target grain's bookkeeping without the grain: the same verdicts, in memory.</summary>
    private sealed class CountingTarget
    {
        public Dictionary<string, SlicePosition> Applied { get; } = [];

        public long Views { get; private set; }

        public int Calls { get; private set; }

        public Task<SlicePosition?> ApplyAsync(SliceRange range, EngagementCounters counts)
        {
            Calls++;
            if (!AppliedPositions.TryAdvance(Applied, range, out var reply))
            {
                return Task.FromResult(reply);
            }

            Views += counts.Views;
            return Task.FromResult<SlicePosition?>(null);
        }
    }
}
