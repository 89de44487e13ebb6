using Orleans.Runtime;
using System.IO.Hashing;
using System.Text;

namespace Spotlight.Grains.Engagement;

/// <summary>How engagement is laid out on streams: a fixed number of partition streams in one namespace.
/// A batch goes whole to one partition, chosen by a stable hash of its id.</summary>
public static class EngagementStreams
{
    public const string ProviderName = "engagement";
    public const string Namespace = "engagement";
    public const int Partitions = 8;

    /// <summary>How many consecutive slices a partition's consumers may receive in one delivery: the more,
    /// the fewer calls and state writes per event for hot videos and tracks (see EngagementProjector).</summary>
    public const int SlicesPerDelivery = 64;

    public static string PartitionKey(int partition) => "p" + partition.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stable across processes and restarts (string.GetHashCode is not).</summary>
    public static int PartitionOf(string batchId) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(batchId)) % Partitions);

    public static StreamId StreamOf(int partition) => StreamId.Create(Namespace, PartitionKey(partition));
}
