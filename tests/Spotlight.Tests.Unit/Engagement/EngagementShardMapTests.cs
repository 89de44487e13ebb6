using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Engagement.Shards;

namespace Spotlight.Tests.Unit.Engagement;

public class EngagementShardMapTests
{
    [Fact]
    public void Partitions_GoToShardsInTurn_AndEachShardHoldsWholePartitions()
    {
        var map = new EngagementShardMap(["a", "b", "c"], 8);

        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 1], Enumerable.Range(0, 8).Select(map.ShardOf));
        Assert.Equal([1, 4, 7], map.PartitionsOf(1));
        Assert.Equal(8, map.Rows().Count);
        Assert.Equal("c", map.Rows()[5]);
    }

    [Fact]
    public void TheRecordedMap_IsAdopted_WhenEveryPartitionIsOnAListedShard_AndRefusedOtherwise()
    {
        var recorded = new EngagementShardMap(["a", "b"], 4).Rows().ToDictionary(r => r.Key, r => r.Value);
        recorded[2] = "b"; // moved

        // A shard added at the end holds nothing until partitions are moved to it.
        var grown = new EngagementShardMap(["a", "b", "c"], 4);
        Assert.Empty(grown.Adopt(recorded));
        Assert.Equal([0, 1, 1, 1], Enumerable.Range(0, 4).Select(grown.ShardOf));
        Assert.Empty(grown.PartitionsOf(2));

        var shrunk = new EngagementShardMap(["a"], 4);
        Assert.Equal(["partition 1 is on 'b', which this list does not name", "partition 2 is on 'b', which this list does not name", "partition 3 is on 'b', which this list does not name"],
            shrunk.Adopt(recorded));
        Assert.Equal([0, 0, 0, 0], Enumerable.Range(0, 4).Select(shrunk.ShardOf)); // unchanged when refused

        Assert.Equal(["partition 4 is not recorded", "partition 5 is not recorded"], new EngagementShardMap(["a", "b"], 6).Adopt(recorded));
        Assert.Equal(["partition 3 is recorded on 'b' but this layout has 3 partitions"], new EngagementShardMap(["a", "b"], 3).Adopt(recorded));
    }

    [Fact]
    public void AListOfConnectionStrings_KeepsItsOrder_PastTen()
    {
        var settings = new PostgresSettings { EngagementShards = Enumerable.Range(0, 12).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => $"Host=db{i}") };

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Host=db{i}"), EngagementShardList.From(settings).Select(s => s.ConnectionString));
        Assert.Equal("shard10", EngagementShardList.From(settings)[10].Name);
    }

    [Fact]
    public void NamedShards_AreOrderedByName_AndNoShardsMeansTheMainDatabase()
    {
        var named = new PostgresSettings { EngagementShards = new() { ["eu2"] = "Host=b", ["eu1"] = "Host=a" } };
        Assert.Equal([("eu1", "Host=a"), ("eu2", "Host=b")], EngagementShardList.From(named).Select(s => (s.Name, s.ConnectionString)));

        var unsharded = EngagementShardList.From(new PostgresSettings { ConnectionString = "Host=main" });
        Assert.Equal([new EngagementShardSetting("main", "Host=main")], unsharded);
    }

    [Fact]
    public void BadShardSettings_AreRefused_NamingTheSetting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => SpotlightOptionsValidator.LoadValidated(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spotlight:Mode"] = "postgres",
            ["Spotlight:Postgres:ConnectionString"] = "Host=main",
            ["Spotlight:Postgres:EngagementShards:eu 1"] = "Host=a",
            ["Spotlight:Postgres:EngagementShards:eu2"] = "Nonsense=yes",
            ["Spotlight:Engagement:Partitions"] = "1",
        }).Build()));

        Assert.Contains(failure.Failures, f => f.StartsWith("Spotlight:Postgres:EngagementShards:eu 1: a shard's name", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Spotlight:Postgres:EngagementShards:eu2 is not a valid Npgsql connection string", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("more than the 1 partitions", StringComparison.Ordinal));
    }
}
