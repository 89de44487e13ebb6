namespace Spotlight.Grains.Engagement.Payload;

/// <summary>One array the events of a whole delivery are read into, reused from delivery to delivery (a
/// projector reads hundreds of thousands of events a second). Not thread-safe.</summary>
public sealed class EventBuffer
{
    private EngagementEvent[] _events = new EngagementEvent[64 * 1024];
    private int _used;

    /// <summary>Starts a delivery: what was taken before must no longer be used.</summary>
    public void Reset() => _used = 0;

    public Memory<EngagementEvent> Take(int count)
    {
        if (_used + count > _events.Length)
        {
            // Earlier slices keep the old array; only new ones go to the bigger one.
            _events = new EngagementEvent[Math.Max(count, _events.Length * 2)];
            _used = 0;
        }

        var taken = _events.AsMemory(_used, count);
        _used += count;
        return taken;
    }
}
