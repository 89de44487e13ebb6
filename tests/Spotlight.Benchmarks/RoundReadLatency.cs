using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Silo.Hosting;

namespace Spotlight.Benchmarks;

/// <summary>
/// Top-100 reads of a real round grain holding <c>entries</c> tracks, in an embedded-mode silo in this
/// process (as the API co-hosts it): p50/p99 of sequential reads, first idle, then while popularity
/// updates stream into the round.
/// </summary>
public static class RoundReadLatency
{
    private const int Reads = 20_000;
    private const int Warmup = 2_000;
    private const int UpdatesPerTick = 200;
    private const int JudgedTracks = 3_000;

    public static async Task RunAsync(int entries)
    {
        using var host = BuildSilo();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var round = await SeedAsync(grains, entries);

        Report("idle", await MeasureAsync(round));

        using var stop = new CancellationTokenSource();
        var updates = Task.Run(() => UpdateAsync(round, entries, stop.Token));
        var clock = Stopwatch.StartNew();
        var busy = await MeasureAsync(round);
        await stop.CancelAsync();
        var sent = await updates;
        Report($"with {sent / clock.Elapsed.TotalSeconds:N0} track points/s in notices of {UpdatesPerTick}", busy);
        await host.StopAsync();
    }

    private static async Task<IRoundGrain> SeedAsync(IGrainFactory grains, int entries)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var created = await grains.GetGrain<ISeasonGrain>("bench").CreateAsync(new CreateSeasonCommand(
            "Benchmark", ["JP"], [], [new RoundPlan(null, minute.AddMinutes(-10), minute.AddDays(1), null, null, null), new RoundPlan(null, minute.AddDays(1), minute.AddDays(2), null, null, null)],
            null, null, "bench"));
        if (created.Outcome != SeasonCreateOutcome.Created)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Message)));
        }

        var round = grains.GetGrain<IRoundGrain>(RoundKeys.Of("bench", 1));
        var start = now.AddDays(-1);
        foreach (var chunk in Enumerable.Range(0, entries).Chunk(1_000))
        {
            await round.AddEntriesAsync([.. chunk.Select(i => new RoundEntry(LeaderboardFixture.TrackId(i), $"artist-{i % 5_000}", $"Track {i}", start.AddSeconds(i)))]);
        }

        // Heavy-tailed popularity, as in the in-memory benchmark, told as the projector tells it: notices of
        // committed deliveries (here partition 0, offsets counted by this benchmark).
        var random = new Random(42);
        var max = 0L;
        foreach (var chunk in Enumerable.Range(0, entries).Chunk(1_000))
        {
            var points = new Dictionary<string, long>();
            foreach (var i in chunk)
            {
                var popularity = (long)(1_000_000 / Math.Pow(1 + random.Next(entries), 0.9));
                max = Math.Max(max, popularity);
                points[LeaderboardFixture.TrackId(i)] = popularity;
            }

            await round.ApplyTrackPointsAsync(NextNotice(points));
        }

        // Judges score a few thousand tracks (a panel cannot hear 100,000): their means spread the round over
        // some thirty judge groups, as in the in-memory benchmark.
        var season = grains.GetGrain<ISeasonGrain>("bench");
        string[] judges = ["judge-1", "judge-2", "judge-3"];
        foreach (var judge in judges)
        {
            await season.AddJudgeAsync(judge);
        }

        for (var i = 0; i < JudgedTracks; i++)
        {
            var track = LeaderboardFixture.TrackId(random.Next(entries));
            foreach (var judge in judges.Take(1 + random.Next(judges.Length)))
            {
                await season.ScoreAsync(1, judge, track, random.Next(11));
            }
        }

        while ((await round.GetLeaderboardAsync(1, null, 0)).MaxPopularity != max)
        {
            await Task.Yield();
        }

        Console.WriteLine($"seeded {entries:N0} entries in {clock.Elapsed.TotalSeconds:N1} s");
        return round;
    }

    private static async Task<double[]> MeasureAsync(IRoundGrain round)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await round.GetLeaderboardAsync(100, null, 0);
        }

        var timings = new double[Reads];
        for (var i = 0; i < Reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var board = await round.GetLeaderboardAsync(100, null, 0);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (board.Rows.Count != 100)
            {
                throw new InvalidOperationException("A top-100 read returned fewer rows.");
            }
        }

        Array.Sort(timings);
        return timings;
    }

    private static async Task<long> UpdateAsync(IRoundGrain round, int entries, CancellationToken stop)
    {
        var random = new Random(9);
        var sent = 0L;
        while (!stop.IsCancellationRequested)
        {
            // One notice per tick, as one delivery touching UpdatesPerTick tracks; the first rise lifts a track
            // above the seeded maximum, so the top rows keep changing.
            var points = new Dictionary<string, long>();
            for (var i = 0; i < UpdatesPerTick; i++)
            {
                var track = LeaderboardFixture.TrackId(random.Next(entries));
                points[track] = points.GetValueOrDefault(track) + random.Next(1, 50);
            }

            await round.ApplyTrackPointsAsync(NextNotice(points));
            sent += UpdatesPerTick;
            await Task.Delay(1, CancellationToken.None);
        }

        return sent;
    }

    private static long _offset;

    private static TrackPointsNotice NextNotice(IReadOnlyDictionary<string, long> points)
    {
        var offset = ++_offset;
        return new TrackPointsNotice(new DeliveryRange(0, offset, offset, offset - 1), points);
    }

    private static void Report(string phase, double[] sorted)
    {
        string At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))].ToString("N3", CultureInfo.InvariantCulture);
        Console.WriteLine($"top-100 reads, {phase}: n={sorted.Length:N0} p50={At(0.50)} ms p90={At(0.90)} ms p99={At(0.99)} ms max={sorted[^1]:N3} ms");
    }

    private static IHost BuildSilo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spotlight:Mode"] = "embedded",
            ["Spotlight:Dashboard"] = "false",
            ["Spotlight:Cluster:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Spotlight:Cluster:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSpotlightSilo();
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
