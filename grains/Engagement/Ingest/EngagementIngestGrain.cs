using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Ingest;

/// <summary>
/// Accepts batches on whichever silo the call lands: rejects events of videos nobody registered (the known
/// videos of this silo, then the directory for the rest; no grain call), encodes the others as one log
/// entry per partition and appends them with the batch id's claim in one commit. Reentrant, because it
/// only waits on the log.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class EngagementIngestGrain(IEngagementLog log, KnownVideos videos, IOptions<EngagementOptions> options) : Grain, IEngagementIngestGrain
{
    public const string UnknownVideo = "videoId: no video with this id is registered.";

    public async Task<IngestOutcome> IngestAsync(IngestBatch batch)
    {
        var n = batch.Count;
        var partitionOf = new int[n];
        var trackOf = new string?[n];
        var inSeasonOf = new bool[n];
        List<int>? misses = null;
        for (var i = 0; i < n; i++)
        {
            if (videos.TryGet(batch.VideoIds[i], out var video))
            {
                (partitionOf[i], trackOf[i], inSeasonOf[i]) = (video.Partition, video.TrackId, video.TrackInSeason);
            }
            else
            {
                (misses ??= []).Add(i);
            }
        }

        var rejected = new List<RejectedEvent>(batch.Rejected);
        if (misses is not null)
        {
            var found = await videos.ResolveAsync([.. misses.Select(i => batch.VideoIds[i]).Distinct(StringComparer.Ordinal)], CancellationToken.None);
            foreach (var i in misses)
            {
                if (found.TryGetValue(batch.VideoIds[i], out var video))
                {
                    (partitionOf[i], trackOf[i], inSeasonOf[i]) = (video.Partition, video.TrackId, video.TrackInSeason);
                }
                else
                {
                    partitionOf[i] = -1;
                    rejected.Add(new RejectedEvent(batch.Indices[i], UnknownVideo));
                }
            }

            rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        var slices = Slices(batch, partitionOf, trackOf, inSeasonOf, options.Value.Partitions, out var accepted);
        return await log.AppendAsync(new LogAppend(batch.BatchId, slices, new IngestOutcome(accepted, rejected, Duplicate: false)), CancellationToken.None);
    }

    public Task KeepAddressedAsync() => Task.CompletedTask;

    /// <summary>One entry per partition, its events grouped by a counting sort of their partitions.</summary>
    private static List<LogSlice> Slices(IngestBatch batch, int[] partitionOf, string?[] trackOf, bool[] inSeasonOf, int partitions, out int accepted)
    {
        var starts = new int[partitions + 1];
        foreach (var p in partitionOf)
        {
            if (p >= 0)
            {
                starts[p + 1]++;
            }
        }

        for (var p = 0; p < partitions; p++)
        {
            starts[p + 1] += starts[p];
        }

        accepted = starts[partitions];
        var order = new int[accepted];
        var next = starts[..partitions];
        for (var i = 0; i < partitionOf.Length; i++)
        {
            if (partitionOf[i] is var p and >= 0)
            {
                order[next[p]++] = i;
            }
        }

        var slices = new List<LogSlice>();
        for (var p = 0; p < partitions; p++)
        {
            var events = order.AsSpan(starts[p], starts[p + 1] - starts[p]);
            if (events.Length > 0)
            {
                slices.Add(new LogSlice(p, events.Length, SliceWriter.Write(batch, events, trackOf, inSeasonOf)));
            }
        }

        return slices;
    }
}
