using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// A receiver's memory of what it holds: per partition, the log offset up to which its in-memory view
/// includes the store's commits (from its snapshot, then from each notice). It decides for every notice
/// whether to apply it, skip it (already held) or reload from the store (something was missed, or the
/// notice cannot be told apart from what is held).
/// </summary>
public sealed class AppliedPositions(long[] snapshot)
{
    private readonly long[] _applied = [.. snapshot];

    public long this[int partition] => partition < _applied.Length ? _applied[partition] : 0;

    public NoticeVerdict Judge(DeliveryRange range)
    {
        if (range.Partition >= _applied.Length)
        {
            return NoticeVerdict.Reload;
        }

        var held = _applied[range.Partition];
        if (range.Last <= held)
        {
            return NoticeVerdict.Skip;
        }

        if (range.IsResync || range.First <= held)
        {
            return NoticeVerdict.Reload;
        }

        // Offsets are dense, so a range that starts right after what is held leaves nothing out; otherwise
        // the projector says where its previous notice to this receiver ended.
        return range.First == held + 1 || range.PreviousEnd is { } previous && previous <= held ? NoticeVerdict.Apply : NoticeVerdict.Reload;
    }

    /// <summary>Records an applied notice (after <see cref="Judge"/> said <see cref="NoticeVerdict.Apply"/>).</summary>
    public void Advance(DeliveryRange range) => _applied[range.Partition] = range.Last;
}

public enum NoticeVerdict
{
    Apply,
    Skip,
    Reload,
}
