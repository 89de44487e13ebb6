using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Engagement;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Cluster.Processes;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>One shard's PostgreSQL is killed (SIGKILL of its postmaster) under load and restarted 20 s later, with
/// batches posted to an API process: only batches for its partitions are refused meanwhile (503 with Retry-After),
/// the other shard's keep getting 202, and afterwards every batch (the refused ones sent again under their ids) is
/// counted exactly once.</summary>
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
        var api = ApiProcesses.StartPostgresApi(main, "outage-api",
            ("Spotlight__RateLimits__IngestPerSecond", "100000"), ("Spotlight__RateLimits__IngestBurst", "100000"));
        try
        {
            await ApiProcesses.WaitUntilReadyAsync(api, TimeSpan.FromSeconds(120));
            using var http = api.Client(TestTokens.Create("outage-ingest", "ingest"));
            var grains = client.Client();
            // Ten tracks on each shard, two videos each; a batch holds one shard's videos, as a producer keyed by track sends.
            var tracks = Enumerable.Range(0, 1_000).Select(i => $"outage-track-{i}")
                .GroupBy(t => EngagementPartitions.Of(t, t, Partitions) % 2).OrderBy(g => g.Key).Select(g => g.Take(10).ToArray()).ToArray();
            var videos = tracks.Select((ofShard, shard) => ofShard.SelectMany(t => new[] { ($"{t}-a", t), ($"{t}-b", t) }).ToArray()).ToArray();
            await Task.WhenAll(videos.SelectMany(v => v).Select(v => grains.GetGrain<IVideoGrain>(v.Item1).RegisterAsync(new RegisterVideoCommand("creator", 1, v.Item2, [], "", []))));

            var batches = new ConcurrentDictionary<string, (int Shard, object Body, List<(string Video, int Count)> Events)>();
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
                    var id = $"outage-{Guid.NewGuid():N}";
                    var body = new { batchId = id, events = events.Select(e => new { videoId = e.Item1, kind = "view", count = e.Item2 }).ToArray() };
                    batches[id] = (shard, body, events);
                    var started = clock.Elapsed;
                    var accepted = false;
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/engagement", body);
                        accepted = response.StatusCode == HttpStatusCode.Accepted;
                        if (!accepted)
                        {
                            // A refusal must say when to come back.
                            var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "none";
                            failures.AddOrUpdate($"shard{shard} {(int)response.StatusCode}, Retry-After {retryAfter}", 1, (_, n) => n + 1);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        failures.AddOrUpdate($"shard{shard} {ex.GetType().Name}", 1, (_, n) => n + 1);
                    }

                    results.Add((id, shard, started, clock.Elapsed, accepted));
                    await Task.Delay(10);
                }
            }

            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)).ToList();
            await Eventually.UntilAsync(() => Task.FromResult(results.Count(r => r.Accepted) >= 100), TimeSpan.FromSeconds(60), "100 batches accepted before the kill");

            await servers.Servers[1].KillPostmasterAsync();
            var killed = clock.Elapsed;
            await Task.Delay(Outage / 2); // the outage itself: its length is what this test is about
            // The API stays ready while the main database answers, whatever a shard does.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
            await Task.Delay(Outage / 2);
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
            Assert.All(down, r => Assert.False(r.Accepted)); // every 202 meanwhile was for the live shard
            Assert.All(failures.Keys, f => Assert.Matches("^shard1 503, Retry-After [0-9]+$", f));
            Assert.True(live.Count >= 50, $"only {live.Count} batches for the live shard during the outage");
            Assert.True(live.Count(r => r.Accepted) >= 0.99 * live.Count, $"{live.Count(r => r.Accepted)} of {live.Count} batches for the live shard accepted");

            // The producer sends every refused batch again under its id: each is counted once, with what was accepted.
            var refused = results.Where(r => !r.Accepted).Select(r => r.Id).ToList();
            foreach (var id in refused)
            {
                using var response = await http.PostAsJsonAsync("/api/engagement", batches[id].Body);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                Assert.Equal(batches[id].Events.Count, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
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
            await api.Process.DisposeAsync();
            await PostgresSilos.StopAsync(client, silo);
        }
    }

}
