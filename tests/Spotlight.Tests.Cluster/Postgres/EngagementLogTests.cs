using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement;
using Spotlight.Silo.EngagementLog;
using Spotlight.Silo.Migrations;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresCollection.Name)]
public class EngagementLogTests(PostgresFixture postgres)
{
    private static EngagementSlice Slice(string batchId, int events = 3) =>
        new(batchId, [.. Enumerable.Range(0, events).Select(i => new EngagementRecord($"v{i}", i % 2 == 0 ? "t1" : null, EngagementKind.Like, i + 1, DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(i)))]);

    private async Task<NpgsqlDataSource> MigratedDatabaseAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(MigrationCatalog.Load(), CancellationToken.None);
        return NpgsqlDataSource.Create(database);
    }

    [Fact]
    public async Task Append_ThenRead_ReturnsTheSliceWhole_AtItsPartition()
    {
        await using var data = await MigratedDatabaseAsync();
        var log = new PostgresEngagementLog(data);
        var slice = Slice("batch-one", events: 5);

        var appended = await log.AppendAsync(slice, CancellationToken.None);
        var read = await log.ReadAsync(appended.Partition, afterOffset: 0, max: 10, CancellationToken.None);

        Assert.False(appended.Duplicate);
        Assert.Equal(EngagementStreams.PartitionOf("batch-one"), appended.Partition);
        var logged = Assert.Single(read);
        Assert.Equal((1L, "batch-one"), (logged.Offset, logged.Slice.BatchId));
        Assert.Equal(slice.Records, logged.Slice.Records);
    }

    [Fact]
    public async Task SameBatchAppendedConcurrently_IsLoggedOnce()
    {
        await using var data = await MigratedDatabaseAsync();
        var log = new PostgresEngagementLog(data);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => log.AppendAsync(Slice("contested"), CancellationToken.None)));

        Assert.Single(results, r => !r.Duplicate);
        Assert.Equal(19, results.Count(r => r.Duplicate));
        Assert.Single(await log.ReadAsync(EngagementStreams.PartitionOf("contested"), 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task ManyBatchesConcurrently_GetDenseIncreasingOffsetsPerPartition()
    {
        await using var data = await MigratedDatabaseAsync();
        var log = new PostgresEngagementLog(data);
        var batches = Enumerable.Range(0, 200).Select(i => $"b-{i}").ToList();

        var results = await Task.WhenAll(batches.Select(b => log.AppendAsync(Slice(b), CancellationToken.None)));

        Assert.All(results, r => Assert.False(r.Duplicate));
        foreach (var partition in results.GroupBy(r => r.Partition))
        {
            var read = await log.ReadAsync(partition.Key, 0, 1_000, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, partition.Count()).Select(i => (long)i), read.Select(s => s.Offset));
            Assert.Equal(
                batches.Where(b => EngagementStreams.PartitionOf(b) == partition.Key).Order(StringComparer.Ordinal),
                read.Select(s => s.Slice.BatchId).Order(StringComparer.Ordinal));
        }

        var partitionOne = results.First().Partition;
        var firstTwo = await log.ReadAsync(partitionOne, 0, 2, CancellationToken.None);
        var rest = await log.ReadAsync(partitionOne, firstTwo[^1].Offset, 1_000, CancellationToken.None);
        Assert.Equal(results.Count(r => r.Partition == partitionOne), firstTwo.Count + rest.Count);
    }
}
