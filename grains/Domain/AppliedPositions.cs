using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Domain;

/// <summary>The newest slice position a consumer has applied, per partition: its exactly-once memory.
/// Stored with the consumer's own state, in the same write, so that the two never disagree.</summary>
public static class AppliedPositions
{
    /// <summary>What to do with a range of slices, given what was applied from its partition.</summary>
    public static RangeVerdict Judge(IReadOnlyDictionary<string, SlicePosition> applied, SliceRange range)
    {
        if (range.Last < range.First)
        {
            throw new ArgumentException($"A slice range ends ({range.Last}) before it starts ({range.First}).", nameof(range));
        }

        if (!applied.TryGetValue(range.Partition, out var last) || range.First > last)
        {
            return RangeVerdict.Apply;
        }

        return range.Last <= last ? RangeVerdict.AlreadyApplied : RangeVerdict.Overlaps;
    }

    /// <summary>Records a range as applied (only after <see cref="Judge"/> said <see cref="RangeVerdict.Apply"/>).</summary>
    public static void Advance(Dictionary<string, SlicePosition> applied, SliceRange range) => applied[range.Partition] = range.Last;

    /// <summary>
    /// What a target grain does first with a range: true when it must apply the delta (the position is
    /// advanced already; write both together); false when it must not, with <paramref name="reply"/> its
    /// answer to the sender (null: held already; a position: overlap, send what comes after it).
    /// </summary>
    public static bool TryAdvance(Dictionary<string, SlicePosition> applied, SliceRange range, out SlicePosition? reply)
    {
        var verdict = Judge(applied, range);
        reply = verdict == RangeVerdict.Overlaps ? applied[range.Partition] : null;
        if (verdict == RangeVerdict.Apply)
        {
            Advance(applied, range);
        }

        return verdict == RangeVerdict.Apply;
    }
}

/// <summary>
/// <see cref="Apply"/>: every slice is newer than what was applied. <see cref="AlreadyApplied"/>: none is.
/// <see cref="Overlaps"/>: some were applied (a replay grouped the slices differently); the delta cannot be
/// split here, so the sender must send the part after the applied position.
/// </summary>
public enum RangeVerdict
{
    Apply,
    AlreadyApplied,
    Overlaps,
}
