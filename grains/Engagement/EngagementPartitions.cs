using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Orleans.Runtime;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// How engagement is laid out: the log has a fixed number of partitions, one stream each, and an event
/// belongs to the partition of its video's track (a stable hash of the track id; of the video id for a
/// video without a track). A video never changes its track, so every event of a video, and of a track, goes
/// to one partition: their counters have a single writer, that partition's projector, which sums a track's
/// events across all its videos before it writes. A batch that touches many partitions is split into one
/// log entry per partition and appended in one commit.
/// </summary>
public static class EngagementPartitions
{
    public const string ProviderName = "engagement";
    public const string Namespace = "engagement";

    /// <summary>The partition of a video's events. Stable across processes and restarts (string.GetHashCode is not).</summary>
    public static int Of(string videoId, string? trackId, int partitions)
    {
        var key = trackId ?? videoId;
        Span<byte> utf8 = stackalloc byte[256];
        var hash = Encoding.UTF8.TryGetBytes(key, utf8, out var written)
            ? XxHash32.HashToUInt32(utf8[..written])
            : XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(key));
        return (int)(hash % (uint)partitions);
    }

    public static string Key(int partition) => "p" + partition.ToString(CultureInfo.InvariantCulture);

    public static int Parse(string key) =>
        key.Length > 1 && key[0] == 'p' && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            ? partition
            : throw new ArgumentException($"'{key}' is not an engagement partition key.", nameof(key));

    public static StreamId StreamOf(int partition) => StreamId.Create(Namespace, Key(partition));
}
