using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Orleans.Runtime;

namespace Spotlight.Grains.Engagement;

/// <summary>
/// How engagement is laid out: the log has a fixed number of partitions, one stream each, and an event
/// belongs to the partition of its video (a stable hash of the video id). So a video's counters have a
/// single writer, its partition's projector, while a batch that touches many videos is split into one log
/// entry per partition and appended in one commit.
/// </summary>
public static class EngagementPartitions
{
    public const string ProviderName = "engagement";
    public const string Namespace = "engagement";

    /// <summary>Stable across processes and restarts (string.GetHashCode is not).</summary>
    public static int Of(string videoId, int partitions)
    {
        Span<byte> utf8 = stackalloc byte[256];
        var hash = Encoding.UTF8.TryGetBytes(videoId, utf8, out var written)
            ? XxHash32.HashToUInt32(utf8[..written])
            : XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(videoId));
        return (int)(hash % (uint)partitions);
    }

    public static string Key(int partition) => "p" + partition.ToString(CultureInfo.InvariantCulture);

    public static int Parse(string key) =>
        key.Length > 1 && key[0] == 'p' && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            ? partition
            : throw new ArgumentException($"'{key}' is not an engagement partition key.", nameof(key));

    public static StreamId StreamOf(int partition) => StreamId.Create(Namespace, Key(partition));
}
