namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// Where a projector's last notice to each receiver ended, so the next one can say so (see
/// <c>DeliveryRange.PreviousEnd</c>). Unknown after a restart, after a notice that may not have arrived,
/// and for receivers forgotten to stay bounded: those receivers check against the store instead.
/// </summary>
public sealed class NoticeLedger
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, long> _ends = new(StringComparer.Ordinal);

    public long? PreviousEnd(string receiver) => _ends.TryGetValue(receiver, out var end) ? end : null;

    public void Delivered(string receiver, long end)
    {
        if (_ends.Count >= Capacity && !_ends.ContainsKey(receiver))
        {
            _ends.Clear();
        }

        _ends[receiver] = end;
    }

    public void Unknown(string receiver) => _ends.Remove(receiver);
}
