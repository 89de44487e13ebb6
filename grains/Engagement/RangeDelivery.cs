using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement;

/// <summary>How a projector hands one target its delta for a run of slices, exactly once.</summary>
public static class RangeDelivery
{
    /// <summary>
    /// Sends one target its delta for <paramref name="slices"/>; if the target already holds part of them,
    /// sends the delta of the slices after what it holds. <paramref name="deltaOf"/> computes a target's
    /// delta from a run of slices (null: nothing for this target there).
    /// </summary>
    public static async Task SendAsync<TDelta>(
        string partition,
        IReadOnlyList<PositionedSlice> slices,
        TDelta delta,
        Func<SliceRange, TDelta, Task<SlicePosition?>> apply,
        Func<IEnumerable<PositionedSlice>, TDelta?> deltaOf)
        where TDelta : class
    {
        var held = await apply(new SliceRange(partition, slices[0].Position, slices[^1].Position), delta);
        if (held is not { } after)
        {
            return;
        }

        var rest = slices.Where(s => s.Position > after).ToList();
        if (rest.Count == 0 || deltaOf(rest) is not { } restDelta)
        {
            return;
        }

        if (await apply(new SliceRange(partition, rest[0].Position, rest[^1].Position), restDelta) is { } again)
        {
            // Only one projector writes a partition's ranges, so what a target holds cannot move meanwhile.
            throw new InvalidOperationException($"A target of partition {partition} moved to {again} while a delivery was being applied.");
        }
    }
}

/// <summary>A slice with its position on the partition's stream.</summary>
public sealed record PositionedSlice(SlicePosition Position, EngagementSlice Slice);
