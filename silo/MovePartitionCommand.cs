using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Engagement.Shards;

namespace Spotlight.Silo;

/// <summary><c>move-partition --partition P --to SHARD</c>: moves one engagement log partition to another shard of
/// Spotlight:Postgres:EngagementShards while the cluster runs (docs/operations.md "Engagement shards"), then exits.
/// Run again after an interruption, it finishes the move.</summary>
public static class MovePartitionCommand
{
    public const string Name = "move-partition";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = new SpotlightOptions();
        configuration.GetSection(SpotlightOptions.SectionName).Bind(options);
        var to = configuration["to"];
        if (string.IsNullOrWhiteSpace(options.Postgres.ConnectionString) || !EngagementShardList.IsSharded(options.Postgres)
            || !int.TryParse(configuration["partition"], out var partition) || string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync($"{Name} needs Spotlight:Postgres:ConnectionString, Spotlight:Postgres:EngagementShards (the list the silos run with, the new shard included), --partition P and --to SHARD.");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var move = new EngagementPartitionMove(options.Postgres.ConnectionString, EngagementShardList.From(options.Postgres), options.Engagement, loggerFactory.CreateLogger(Name));
        try
        {
            var report = await move.MoveAsync(partition, to, TimeSpan.FromMinutes(5), CancellationToken.None);
            Console.WriteLine($"Partition {report.Partition} moved from {report.From} to {report.To}; batches touching it were refused for {report.Refused.TotalSeconds:F1} s.");
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"{Name}: {ex.Message}");
            return 3;
        }
    }
}
