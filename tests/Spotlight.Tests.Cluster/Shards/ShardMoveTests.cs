using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spotlight.Domain;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Engagement;
using Spotlight.Silo.Engagement.Shards;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>The procedure of docs/operations.md "Engagement shards" from one database to two, under load: the silos
/// are restarted one at a time with the new shard added to the list, then half the partitions are moved to it one
/// by one; producers send every refused batch again under its id. Afterwards every batch counts exactly once, each
/// partition's rows are on its new shard only, and batches sent again after the move are still recognised.</summary>
[Collection(ShardCollection.Name)]
public sealed class ShardMoveTests(TwoPostgresServers servers, ITestOutputHelper output)
{
    private const int Partitions = 8;

    /// <summary>How long a producer waits before sending a refused batch again (a refusal lasts seconds; sending
    /// again at once would only spin).</summary>
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task FromOneDatabaseToTwo_UnderLoad_EveryBatchCountsOnce_AndMovedRowsLiveOnlyOnTheNewShard()
    {
        var main = await servers.Servers[0].CreateDatabaseAsync();
        var added = await servers.Servers[1].CreateDatabaseAsync();
        var before = new Dictionary<string, string?> { ["Spotlight:Engagement:Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture) };
        // The main database keeps its engagement as shard "main"; the new database is "shard1".
        var after = new Dictionary<string, string?>(before)
        {
            ["Spotlight:Postgres:EngagementShards:main"] = main,
            ["Spotlight:Postgres:EngagementShards:shard1"] = added,
        };
        var silos = new[] { await PostgresSilos.StartSiloAsync(main, settings: before), await PostgresSilos.StartSiloAsync(main, settings: before) };
        var client = await PostgresSilos.StartClientAsync(main);
        try
        {
            var grains = client.Client();
            var videos = Enumerable.Range(0, 24).SelectMany(t => new[] { ($"move-track-{t}-a", $"move-track-{t}"), ($"move-track-{t}-b", $"move-track-{t}") }).ToArray();
            await Task.WhenAll(videos.Select(v => grains.GetGrain<IVideoGrain>(v.Item1).RegisterAsync(new RegisterVideoCommand("creator", 1, v.Item2, [], "", []))));

            var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
            var accepted = new ConcurrentDictionary<string, (IngestBatch Batch, List<(string Video, int Count)> Events)>();
            var refusals = new ConcurrentDictionary<string, int>();
            using var stop = new CancellationTokenSource();
            var sent = 0;

            // A producer: each batch (events of any video, so of most partitions) is sent until it is accepted.
            async Task ProduceAsync()
            {
                var random = new Random(Environment.CurrentManagedThreadId);
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= 200_000)
                {
                    var events = Enumerable.Range(0, 30).Select(_ => (videos[random.Next(videos.Length)].Item1, random.Next(1, 4))).ToList();
                    var batch = IngestBatch.Of($"move-{Guid.NewGuid():N}", [.. events.Select(e => (e.Item1, EngagementKind.View, e.Item2, DateTimeOffset.UtcNow))]);
                    while (true)
                    {
                        try
                        {
                            var outcome = await ingest.IngestAsync(batch);
                            Assert.Equal(events.Count, outcome.Accepted);
                            accepted[batch.BatchId] = (batch, events);
                            break;
                        }
                        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                        {
                            refusals.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                            await Task.Delay(RetryBackoff);
                        }
                    }
                }
            }

            var producers = Enumerable.Range(0, 3).Select(_ => Task.Run(ProduceAsync)).ToList();
            await WaitForAcceptedAsync(accepted, 100);

            // Step 1: the silos restart one at a time with the new shard at the end of the list.
            for (var i = 0; i < silos.Length; i++)
            {
                await PostgresSilos.StopAsync(silos[i]);
                silos[i] = await PostgresSilos.StartSiloAsync(main, settings: after);
                await WaitForAcceptedAsync(accepted, accepted.Count + 30);
            }

            // Step 2: half the partitions move, one at a time, under load.
            var shards = new[] { new EngagementShardSetting("main", main), new EngagementShardSetting("shard1", added) };
            var move = new EngagementPartitionMove(main, shards, new EngagementOptions { Partitions = Partitions }, NullLogger.Instance);
            var moved = new[] { 1, 3, 5, 7 };
            var beforeMoves = accepted.Keys.ToList();
            foreach (var partition in moved)
            {
                var report = await move.MoveAsync(partition, "shard1", TimeSpan.FromMinutes(2), CancellationToken.None);
                output.WriteLine($"partition {partition}: refused for {report.Refused.TotalSeconds:F1} s; {string.Join(", ", report.Copied.Select(c => $"{c.Key} {c.Value}"))}");
                await WaitForAcceptedAsync(accepted, accepted.Count + 20);
            }

            await WaitForAcceptedAsync(accepted, accepted.Count + 50);
            await stop.CancelAsync();
            await Task.WhenAll(producers);
            output.WriteLine($"{accepted.Count} batches accepted; refusals on the way: {string.Join(", ", refusals.Select(r => $"{r.Value} × {r.Key}"))}");

            // Batches accepted before the moves, sent again: recognised by whichever shard their partitions are on now.
            foreach (var id in beforeMoves.Take(30))
            {
                Assert.True((await ingest.IngestAsync(accepted[id].Batch)).Duplicate, $"batch {id} sent again after the move was not recognised");
            }

            var expected = accepted.Values.SelectMany(b => b.Events).GroupBy(e => e.Video).ToDictionary(g => g.Key, g => g.Sum(e => (long)e.Count));
            var trackOf = videos.ToDictionary(v => v.Item1, v => v.Item2);
            try
            {
                await Eventually.UntilAsync(async () =>
                    {
                        var read = await Task.WhenAll(expected.Keys.Select(v => grains.GetGrain<IVideoGrain>(v).GetAsync()));
                        return read.All(v => v!.Counters.Views == expected[v.Id]);
                    },
                    TimeSpan.FromSeconds(90), "every video's views to equal the accepted batches' events, once", poll: TimeSpan.FromMilliseconds(500));
            }
            finally
            {
                var read = await Task.WhenAll(expected.Keys.Select(v => grains.GetGrain<IVideoGrain>(v).GetAsync()));
                output.WriteLine(string.Join(Environment.NewLine, read.Where(v => v!.Counters.Views != expected[v.Id])
                    .Select(v => $"{v!.Id} (partition {EngagementPartitions.Of(v.Id, trackOf[v.Id], Partitions)}): {v.Counters.Views} not {expected[v.Id]}")));
            }

            var kept = Enumerable.Range(0, Partitions).Except(moved).ToList();
            Assert.Equal(kept, await DatabaseRows.IntsAsync(main, "SELECT partition FROM engagement_checkpoint ORDER BY partition"));
            Assert.Equal(moved, await DatabaseRows.IntsAsync(added, "SELECT partition FROM engagement_checkpoint ORDER BY partition"));
            Assert.Equal(moved, await DatabaseRows.IntsAsync(added, "SELECT partition FROM engagement_log_head ORDER BY partition"));
            Assert.Empty(await DatabaseRows.IntsAsync(main, $"SELECT DISTINCT partition FROM engagement_log WHERE partition IN ({string.Join(",", moved)})"));
            Assert.Equal(0, await DatabaseRows.ScalarAsync(main, "SELECT count(*) FROM engagement_partition_moving"));
            Assert.Equal(moved, await DatabaseRows.IntsAsync(main, "SELECT partition FROM engagement_shard_map WHERE shard = 'shard1' ORDER BY partition"));
            foreach (var (database, partitions) in new[] { (main, kept), (added, moved.ToList()) })
            {
                var here = await DatabaseRows.StringsAsync(database, "SELECT video_id FROM engagement_video");
                Assert.NotEmpty(here);
                Assert.All(here, v => Assert.Contains(EngagementPartitions.Of(v, trackOf[v], Partitions), partitions));
            }
        }
        finally
        {
            await PostgresSilos.StopAsync([client, .. silos]);
        }
    }

    private static Task WaitForAcceptedAsync(ConcurrentDictionary<string, (IngestBatch Batch, List<(string Video, int Count)> Events)> accepted, int count) =>
        Eventually.UntilAsync(() => Task.FromResult(accepted.Count >= count), TimeSpan.FromSeconds(120), $"{count} batches accepted");
}
