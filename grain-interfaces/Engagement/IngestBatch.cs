namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>
/// A batch of engagement events on its way into the log, as columns (one array per field, one slot per
/// event) so that a 5,000-event batch is a handful of arrays rather than 5,000 objects. Events the caller
/// already refused (a malformed field) are not in it; they travel in <see cref="Rejected"/> so that the
/// log can remember the whole answer for a repeated batch id.
/// </summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.IngestBatch")]
public sealed class IngestBatch(
    string batchId,
    int[] indices,
    string[] videoIds,
    EngagementKind[] kinds,
    int[] counts,
    long[] atSeconds,
    IReadOnlyList<RejectedEvent> rejected)
{
    [Id(0)]
    public string BatchId { get; } = batchId;

    /// <summary>Each event's position in the request, for the rejections the ingest may still add.</summary>
    [Id(1)]
    public int[] Indices { get; } = indices;

    [Id(2)]
    public string[] VideoIds { get; } = videoIds;

    [Id(3)]
    public EngagementKind[] Kinds { get; } = kinds;

    [Id(4)]
    public int[] Counts { get; } = counts;

    /// <summary>Event time as Unix seconds.</summary>
    [Id(5)]
    public long[] AtSeconds { get; } = atSeconds;

    [Id(6)]
    public IReadOnlyList<RejectedEvent> Rejected { get; } = rejected;

    public int Count => VideoIds.Length;

    /// <summary>A batch of events that all passed the caller's checks.</summary>
    public static IngestBatch Of(string batchId, IReadOnlyList<(string VideoId, EngagementKind Kind, int Count, DateTimeOffset At)> events)
    {
        var n = events.Count;
        var (indices, videos, kinds, counts, at) = (new int[n], new string[n], new EngagementKind[n], new int[n], new long[n]);
        for (var i = 0; i < n; i++)
        {
            (indices[i], videos[i], kinds[i], counts[i], at[i]) = (i, events[i].VideoId, events[i].Kind, events[i].Count, events[i].At.ToUnixTimeSeconds());
        }

        return new IngestBatch(batchId, indices, videos, kinds, counts, at, []);
    }
}
