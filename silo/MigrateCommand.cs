using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spotlight.Silo.Configuration;
using Spotlight.Silo.Migrations;

namespace Spotlight.Silo;

/// <summary><c>migrate</c>: applies pending schema migrations to Spotlight:Postgres:ConnectionString and every engagement shard, and exits.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = new SpotlightOptions();
        configuration.GetSection(SpotlightOptions.SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.Postgres.ConnectionString))
        {
            await Console.Error.WriteLineAsync("migrate needs Spotlight:Postgres:ConnectionString (environment Spotlight__Postgres__ConnectionString or --Spotlight:Postgres:ConnectionString=...).");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var targets = MigrationTargets.Of(options.Postgres);
        for (var i = 0; i < targets.Count; i++)
        {
            // The main database first, then each engagement shard (Spotlight:Postgres:EngagementShards).
            var which = i == 0 ? "Spotlight:Postgres:ConnectionString" : $"engagement shard {i}";
            var runner = new MigrationRunner(targets[i], loggerFactory.CreateLogger<MigrationRunner>());
            MigrationReport report;
            try
            {
                report = await runner.ApplyAsync(MigrationCatalog.Load(), CancellationToken.None);
            }
            catch (NpgsqlException ex)
            {
                await Console.Error.WriteLineAsync($"migrate: PostgreSQL ({which}) did not answer: {ex.Message}");
                return 3;
            }

            var prefix = targets.Count == 1 ? "" : $"{which}: ";
            Console.WriteLine(prefix + (report.Applied.Count == 0
                ? $"Schema is up to date ({report.Total} migrations applied)."
                : $"Applied {report.Applied.Count} migration(s): {string.Join(", ", report.Applied)}; {report.Total} applied in all."));
        }

        return 0;
    }
}
