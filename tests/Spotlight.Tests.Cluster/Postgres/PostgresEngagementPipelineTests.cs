using Npgsql;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>Postgres mode with the durable log switched on: engagement goes through the log to the
/// consumers, exactly once. (Replay after a full restart is not asserted yet: a partition is sometimes not
/// read for over a minute after it; see docs/architecture.md.)</summary>
[Collection(PostgresCollection.Name)]
public class PostgresEngagementPipelineTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Batches_ThroughTheLog_CountOnce()
    {
        var database = await postgres.CreateDatabaseAsync();
        var siloA = await PostgresSilos.StartSiloAsync(database, durableLog: true);
        var siloB = await PostgresSilos.StartSiloAsync(database, durableLog: true);
        var client = await PostgresSilos.StartClientAsync(database);
        try
        {
            await CountOnceAsync(client.Client(), database);
        }
        finally
        {
            await PostgresSilos.StopAsync(client, siloA, siloB);
        }
    }

    private static async Task CountOnceAsync(IGrainFactory grains, string database)
    {
        var videos = Enumerable.Range(0, 50).Select(i => $"pg-video-{i}").ToArray();
        await Task.WhenAll(videos.Select(v => grains.GetGrain<IVideoGrain>(v).RegisterAsync(new RegisterVideoCommand("creator", 1, null, [], "", []))));
        var expected = videos.ToDictionary(v => v, _ => 0L);
        var random = new Random(5);
        var batches = Enumerable.Range(0, 40).Select(b =>
        {
            var records = Enumerable.Range(0, 100).Select(_ => new EngagementRecord(videos[random.Next(videos.Length)], null, EngagementKind.View, 1, DateTimeOffset.UtcNow)).ToList();
            records.ForEach(r => expected[r.VideoId]++);
            return (Id: $"pg-batch-{b}", Records: records);
        }).ToList();

        await Task.WhenAll(batches.Select(b => grains.GetGrain<IEngagementBatchGrain>(b.Id).AcceptAsync(b.Records)));
        await Task.WhenAll(batches.Take(10).Select(b => grains.GetGrain<IEngagementBatchGrain>(b.Id).AcceptAsync(b.Records)));
        await WaitForViewsAsync(grains, expected);
        Assert.Equal(40, await CountAsync(database, "SELECT count(*) FROM engagement_log"));
    }

    private static async Task WaitForViewsAsync(IGrainFactory grains, Dictionary<string, long> expected)
    {
        try
        {
            await Eventually.UntilAsync(async () =>
                {
                    var actual = await Task.WhenAll(expected.Keys.Select(v => grains.GetGrain<IVideoGrain>(v).GetAsync()));
                    return actual.All(v => v!.Counters.Views == expected[v.Id]);
                },
                TimeSpan.FromSeconds(60),
                "every video's views to equal the ground truth",
                poll: TimeSpan.FromMilliseconds(250));
        }
        catch (TimeoutException ex)
        {
            var actual = await Task.WhenAll(expected.Keys.Select(v => grains.GetGrain<IVideoGrain>(v).GetAsync()));
            var wrong = actual.Where(v => v!.Counters.Views != expected[v.Id]).Select(v => $"{v!.Id}: {v.Counters.Views} not {expected[v.Id]}");
            throw new TimeoutException($"{ex.Message} Differences: {string.Join("; ", wrong.Take(10))}", ex);
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
