using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Engagement;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>One shard's PostgreSQL is killed (SIGKILL of its postmaster) under load and restarted 20 s later: only
/// batches for its partitions are refused meanwhile, the other shard's keep flowing, and afterwards every batch
/// (the refused ones sent again under their ids) is counted exactly once.</summary>
[Collection(ShardCollection.Name)]
public sealed class ShardOutageTests(TwoPostgresServers servers, ITestOutputHelper output)
{
    private const int Partitions = 8;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AShardsPostmasterKilled_UnderLoad_RefusesOnlyItsBatches_AndEveryBatchCountsOnceAfterwards()
    {
        var main = await servers.Servers[0].CreateDatabaseAsync();
        var shards = await servers.CreateDatabasesAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Spotlight:Engagement:Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture),
            ["Spotlight:Postgres:EngagementShards:0"] = shards[0],
            ["Spotlight:Postgres:EngagementShards:1"] = shards[1],
        };
        var silo = await PostgresSilos.StartSiloAsync(main, settings: settings);
        var client = await PostgresSilos.StartClientAsync(main);
        try
        {
            var grains = client.Client();
            // Ten tracks on each shard, two videos each; a batch holds one shard's videos, as a producer keyed by track sends.
            var tracks = Enumerable.Range(0, 1_000).Select(i => $"outage-track-{i}")
                .GroupBy(t => EngagementPartitions.Of(t, t, Partitions) % 2).OrderBy(g => g.Key).Select(g => g.Take(10).ToArray()).ToArray();
            var videos = tracks.Select((ofShard, shard) => ofShard.SelectMany(t => new[] { ($"{t}-a", t), ($"{t}-b", t) }).ToArray()).ToArray();
            await Task.WhenAll(videos.SelectMany(v => v).Select(v => grains.GetGrain<IVideoGrain>(v.Item1).RegisterAsync(new RegisterVideoCommand("creator", 1, v.Item2, [], "", []))));

            var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
            var batches = new ConcurrentDictionary<string, (int Shard, IngestBatch Batch, List<(string Video, int Count)> Events)>();
            var results = new ConcurrentBag<(string Id, int Shard, TimeSpan Started, TimeSpan Ended, bool Accepted)>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var sent = 0;
            var failures = new ConcurrentDictionary<string, int>();

            async Task SendAsync()
            {
                var random = new Random(Environment.CurrentManagedThreadId);
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= 20_000)
                {
                    var shard = random.Next(2);
                    var events = Enumerable.Range(0, 20).Select(_ => (videos[shard][random.Next(videos[shard].Length)].Item1, random.Next(1, 4))).ToList();
                    var batch = IngestBatch.Of($"outage-{Guid.NewGuid():N}", [.. events.Select(e => (e.Item1, EngagementKind.View, e.Item2, DateTimeOffset.UtcNow))]);
                    batches[batch.BatchId] = (shard, batch, events);
                    var started = clock.Elapsed;
                    var accepted = false;
                    try
                    {
                        accepted = (await ingest.IngestAsync(batch)).Accepted == events.Count;
                    }
                    catch (Exception ex)
                    {
                        failures.AddOrUpdate($"shard{shard} {ex.GetType().Name}: {ex.Message[..Math.Min(120, ex.Message.Length)]}", 1, (_, n) => n + 1);
                    }

                    results.Add((batch.BatchId, shard, started, clock.Elapsed, accepted));
                    await Task.Delay(10);
                }
            }

            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)).ToList();
            await Eventually.UntilAsync(() => Task.FromResult(results.Count(r => r.Accepted) >= 100), TimeSpan.FromSeconds(60), "100 batches accepted before the kill");

            await servers.Servers[1].KillPostmasterAsync();
            var killed = clock.Elapsed;
            await Task.Delay(Outage); // the outage itself: its length is what this test is about
            var restarting = clock.Elapsed;
            await servers.Servers[1].StartAgainAsync();
            var restarted = clock.Elapsed;
            try
            {
                await Eventually.UntilAsync(() => Task.FromResult(results.Count(r => r.Shard == 1 && r.Accepted && r.Started > restarted) >= 20),
                    TimeSpan.FromSeconds(90), "the restarted shard to accept batches again");
            }
            finally
            {
                output.WriteLine(string.Join(Environment.NewLine, failures.Select(f => $"{f.Value} × {f.Key}")));
            }

            await stop.CancelAsync();
            await Task.WhenAll(senders);

            var during = results.Where(r => r.Started > killed && r.Ended < restarting).ToList();
            var live = during.Where(r => r.Shard == 0).ToList();
            var down = during.Where(r => r.Shard == 1).ToList();
            output.WriteLine($"During the outage: shard0 {live.Count(r => r.Accepted)}/{live.Count} accepted, shard1 {down.Count(r => r.Accepted)}/{down.Count} accepted.");
            Assert.NotEmpty(down);
            Assert.All(down, r => Assert.False(r.Accepted)); // every batch acknowledged meanwhile was for the live shard
            Assert.True(live.Count >= 50, $"only {live.Count} batches for the live shard during the outage");
            Assert.True(live.Count(r => r.Accepted) >= 0.99 * live.Count, $"{live.Count(r => r.Accepted)} of {live.Count} batches for the live shard accepted");

            // The producer sends every refused batch again under its id: each is counted once, with what was accepted.
            var refused = results.Where(r => !r.Accepted).Select(r => r.Id).ToList();
            foreach (var id in refused)
            {
                var outcome = await ingest.IngestAsync(batches[id].Batch);
                Assert.Equal(batches[id].Events.Count, outcome.Accepted);
            }

            var expected = batches.Values.SelectMany(b => b.Events).GroupBy(e => e.Video).ToDictionary(g => g.Key, g => g.Sum(e => (long)e.Count));
            await Eventually.UntilAsync(async () =>
                {
                    var read = await Task.WhenAll(expected.Keys.Select(v => grains.GetGrain<IVideoGrain>(v).GetAsync()));
                    return read.All(v => v!.Counters.Views == expected[v.Id]);
                },
                TimeSpan.FromSeconds(90), "every video's views to equal every batch's events, once", poll: TimeSpan.FromMilliseconds(500));
        }
        finally
        {
            await PostgresSilos.StopAsync(client, silo);
        }
    }

}
