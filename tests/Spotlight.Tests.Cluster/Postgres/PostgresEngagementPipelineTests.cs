using Npgsql;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>Postgres mode: engagement goes through the durable log to the consumers, exactly once, across
/// a restart of every silo (partitions are replayed from their checkpoints).</summary>
[Collection(PostgresStoreCollection.Name)]
public class PostgresEngagementPipelineTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Batches_ThroughTheLog_CountOnce_AndStayExactAfterARestart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var siloA = await PostgresSilos.StartSiloAsync(database);
        var siloB = await PostgresSilos.StartSiloAsync(database);
        var client = await PostgresSilos.StartClientAsync(database);
        var grains = client.Client();
        var videos = Enumerable.Range(0, 50).Select(i => $"pg-video-{i}").ToArray();
        await Task.WhenAll(videos.Select(v => grains.GetGrain<IVideoGrain>(v).RegisterAsync(new RegisterVideoCommand("creator", 1, null, [], "", []))));
        var expected = videos.ToDictionary(v => v, _ => 0L);
        var random = new Random(5);
        var batches = Enumerable.Range(0, 40).Select(b =>
        {
            var records = Enumerable.Range(0, 100).Select(_ => (videos[random.Next(videos.Length)], EngagementKind.View, 1, DateTimeOffset.UtcNow)).ToList();
            records.ForEach(r => expected[r.Item1]++);
            return IngestBatch.Of($"pg-batch-{b}", records);
        }).ToList();

        var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
        await Task.WhenAll(batches.Select(ingest.IngestAsync));
        Assert.All(await Task.WhenAll(batches.Take(10).Select(ingest.IngestAsync)), outcome => Assert.True(outcome.Duplicate));
        await WaitForViewsAsync(grains, expected);
        Assert.Equal(40, await CountAsync(database, "SELECT count(*) FROM engagement_batch WHERE batch_id LIKE 'pg-batch-%'"));
        Assert.Equal(4_000, await CountAsync(database, "SELECT sum(events)::bigint FROM engagement_log"));

        await PostgresSilos.StopAsync(client, siloA, siloB);
        var restarted = await PostgresSilos.StartSiloAsync(database);
        var newClient = await PostgresSilos.StartClientAsync(database);
        try
        {
            // A marker after the restart: once it shows, any replay of older slices has happened too.
            var after = newClient.Client();
            await after.GetGrain<IEngagementIngestGrain>(0).IngestAsync(IngestBatch.Of("pg-marker", [(videos[0], EngagementKind.View, 1, DateTimeOffset.UtcNow)]));
            expected[videos[0]]++;
            try
            {
                await WaitForViewsAsync(after, expected);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + " Log: " + await DescribeLogAsync(database), ex);
            }
        }
        finally
        {
            await PostgresSilos.StopAsync(newClient, restarted);
        }
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

    private static async Task<string> DescribeLogAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT h.partition, h.next_offset - 1, c.applied_offset, c.notified_offset
              FROM engagement_log_head h JOIN engagement_checkpoint c ON c.partition = h.partition ORDER BY h.partition
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"p{reader.GetInt32(0)} head={reader.GetInt64(1)} applied={reader.GetInt64(2)} notified={reader.GetInt64(3)}");
        }

        return string.Join(", ", rows);
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
