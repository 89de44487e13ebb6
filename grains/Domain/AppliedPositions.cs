using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Domain;

/// <summary>The newest slice position a consumer has applied, per partition: its exactly-once memory.
/// Stored with the consumer's own state, in the same write, so that the two never disagree.</summary>
public static class AppliedPositions
{
    /// <summary>Records the slice and returns true when it is newer than anything applied from its partition.</summary>
    public static bool TryAdvance(Dictionary<string, SlicePosition> applied, SliceIdentity slice)
    {
        if (applied.TryGetValue(slice.Partition, out var last) && slice.Position <= last)
        {
            return false;
        }

        applied[slice.Partition] = slice.Position;
        return true;
    }
}
