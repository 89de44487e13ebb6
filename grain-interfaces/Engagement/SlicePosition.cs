namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Where a slice sits on its partition's stream. Positions only grow along a partition, so a
/// consumer that remembers the last position it applied per partition skips anything redelivered.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.SlicePosition")]
public readonly record struct SlicePosition(
    [property: Id(0)] long Sequence,
    [property: Id(1)] int Index) : IComparable<SlicePosition>
{
    public int CompareTo(SlicePosition other)
    {
        var bySequence = Sequence.CompareTo(other.Sequence);
        return bySequence != 0 ? bySequence : Index.CompareTo(other.Index);
    }

    public static bool operator >(SlicePosition left, SlicePosition right) => left.CompareTo(right) > 0;

    public static bool operator <(SlicePosition left, SlicePosition right) => left.CompareTo(right) < 0;

    public static bool operator >=(SlicePosition left, SlicePosition right) => left.CompareTo(right) >= 0;

    public static bool operator <=(SlicePosition left, SlicePosition right) => left.CompareTo(right) <= 0;
}
